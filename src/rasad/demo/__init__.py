"""The demo corpus generator: Rasad's own realistic reports, with the true events beside them."""
