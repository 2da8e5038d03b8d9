"""Files that ship with the app: icons, templates, fonts, sounds."""
