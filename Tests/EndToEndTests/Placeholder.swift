// End-to-end tests live here.
