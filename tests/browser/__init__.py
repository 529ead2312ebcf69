"""Browser tests: the built site in headless Chromium, as its readers use it."""
