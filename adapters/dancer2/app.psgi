# gwi-test's Dancer2 adapter: a small Dancer2 application as a .psgi file.
#   /stream   a delayed response (Dancer2's `delayed`) that streams two pieces
#   /no-content  204 No Content
#   anything  any method and path: echoes the method, path, query string and the length of the request body
use strict;
use warnings;
use Dancer2;

set logger => 'null';

any '/stream' => sub {
    delayed {
        response_header 'Content-Type' => 'text/plain';
        flush;
        content "one\n";
        content "two\n";
        done;
    };
};

any '/no-content' => sub {
    status 204;
    return '';
};

any qr{.*} => sub {
    content_type 'text/plain';
    my $body = request->body // '';
    return join(' ', request->method, request->path, request->query_string // '', length $body) . "\n";
};

to_app;
