"""The PySide6 user interface of Smarketing Workshop; the truth lives in ``workshop``."""
