# A minimal single-file Rails application for gwi-test: ActionController only (no database, no views, no assets),
# production-like settings, catch-all routes echoing method, path, query and the length of the request body, a
# streamed route at /stream and send_file at /file.
require "action_controller/railtie"

class GwiRailsApp < Rails::Application
  config.root = __dir__
  config.eager_load = true
  config.consider_all_requests_local = false
  config.action_controller.perform_caching = true
  config.secret_key_base = "gwi-test-not-a-secret-" + ("0" * 64)
  config.hosts.clear # the generated envs use several host names
  config.logger = Logger.new($stderr, level: :warn)
  config.active_support.deprecation = :silence
  config.log_level = :warn
end

class EchoController < ActionController::Base
  protect_from_forgery with: :null_session

  def echo
    data = request.raw_post.to_s
    fresh_when(etag: "gwi-test") if request.get? # a conditional GET (If-None-Match) is answered 304
    render plain: "#{request.request_method} #{request.path_info} #{request.query_string} #{data.bytesize}\n" unless performed?
  end

  def stream
    self.response_body = Enumerator.new { |out| 3.times { |i| out << "part #{i}\n" } }
  end

  def file
    send_file __FILE__, type: "text/plain"
  end
end

GwiRailsApp.initialize!

GwiRailsApp.routes.draw do
  get "/stream", to: "echo#stream"
  get "/file", to: "echo#file"
  match "/", to: "echo#echo", via: :all
  match "*path", to: "echo#echo", via: :all, format: false
end
