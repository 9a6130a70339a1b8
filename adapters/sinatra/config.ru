require_relative "app"
run GwiSinatraApp
