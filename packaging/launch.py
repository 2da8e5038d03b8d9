"""Entry script of the PyInstaller bundle: the same as the ``smarketing-workshop`` command."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
