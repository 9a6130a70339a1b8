require_relative "app"
run GwiRailsApp
