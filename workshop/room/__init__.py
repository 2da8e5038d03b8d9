"""The room page: a page the laptop serves on the venue network, for phones in the room.

``access`` holds the rules (codes, the interface to bind, rate limits, text from outside);
``server`` runs the aiohttp server in its own thread. Nothing here changes a workshop: every
change a page asks for is handed to the app, which carries it out on its own thread through
the document. Imported only when the facilitator turns the room page on.
"""
