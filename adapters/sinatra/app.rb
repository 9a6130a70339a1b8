# A small modular Sinatra application for gwi-test: catch-all routes echoing the method, the path, the query and
# the length of the request body (GETs carry an ETag, so a conditional GET gets 304), a streamed route at /stream and
# send_file at /file.
require "sinatra/base"

class GwiSinatraApp < Sinatra::Base
  set :environment, :production
  set :logging, false

  get "/stream" do
    stream do |out|
      3.times { |i| out << "part #{i}\n" }
    end
  end

  get "/file" do
    send_file __FILE__, type: "text/plain"
  end

  %w[get post put delete patch options].each do |verb|
    send(verb, "/*") do
      content_type "text/plain"
      etag "gwi-test" if request.get? # a conditional GET (If-None-Match) is answered 304 by Sinatra's etag helper
      data = request.body.read
      "#{request.request_method} #{request.path_info} #{request.query_string} #{data.bytesize}\n"
    end
  end
end
