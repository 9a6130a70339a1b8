# gwi-test's Mojolicious adapter: a Mojolicious::Lite application in its PSGI mode (PLACK_ENV is set, so app->start
# returns the PSGI application that Mojo::Server::PSGI wraps it in).
#   /stream   a streamed response (write_chunk) in two pieces
#   /no-content  204 No Content
#   anything  any method and path: echoes the method, path, query string and the length of the request body
use strict;
use warnings;
use Mojolicious::Lite -signatures;

any '/stream' => sub ($c) {
    $c->res->headers->content_type('text/plain');
    $c->write_chunk("one\n" => sub ($c, @) { $c->write_chunk("two\n" => sub ($c, @) { $c->finish }) });
};

any '/no-content' => sub ($c) { $c->rendered(204) };

any '/*rest' => { rest => '' } => sub ($c) {
    my $req = $c->req;
    $c->render(text => join(' ', $req->method, $req->url->path, $req->url->query, $req->body_size) . "\n", format => 'txt');
};

app->start;
