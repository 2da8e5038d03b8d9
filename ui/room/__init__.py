"""The room page on the console: turning it on and off, the items waiting, the QR on the projector."""
