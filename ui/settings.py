"""Where the app keeps its files and what it remembers between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workshop import APP_NAME
from workshop.folders import user_data_folder

MAX_RECENT = 10


class AppPaths:
    """The app's folders: its own data (the demo) and where new workshops go by default.

    Either may be left to the system's folders (the user's data and documents folders), looked
    up (platformdirs) when first needed, not while the window starts.
    """

    def __init__(self, data_dir: Path | None = None, workshops_dir: Path | None = None) -> None:
        self._data_dir = data_dir
        self._workshops_dir = workshops_dir

    @property
    def data_dir(self) -> Path:
        """The app's own data (the demo, backups, the chime): the user's data folder by default."""
        if self._data_dir is None:
            self._data_dir = user_data_folder()  # platformdirs, when no folder is set
        return self._data_dir

    @property
    def workshops_dir(self) -> Path:
        """Where new workshops go by default: the user's documents folder, in the app's own."""
        if self._workshops_dir is None:
            import platformdirs  # noqa: PLC0415 - only when a dialog asks

            self._workshops_dir = Path(platformdirs.user_documents_dir()) / APP_NAME
        return self._workshops_dir

    def __repr__(self) -> str:
        return f"AppPaths(data_dir={self._data_dir!r}, workshops_dir={self._workshops_dir!r})"

    @classmethod
    def for_user(cls) -> AppPaths:
        return cls()  # both folders looked up when first needed, after the window shows

    @property
    def backups_dir(self) -> Path:
        """Automatic backups of the workshops, one folder per workshop."""
        return self.data_dir / "backups"

    @property
    def demo_file(self) -> Path:
        return self.data_dir / "Q3 alignment offsite (demo).smw"


class AppSettings:
    """Recent files, the last workshop and the window's geometry, kept in QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def store(self) -> QSettings:
        """The underlying QSettings, for features that keep their own keys (PDF paper size)."""
        return self._settings

    @property
    def recent_files(self) -> list[Path]:
        value = self._settings.value("recent_files", [])
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [Path(str(item)) for item in items if item]

    def add_recent(self, path: Path) -> None:
        entries = [p for p in self.recent_files if p != path]
        self._settings.setValue("recent_files", [str(p) for p in [path, *entries][:MAX_RECENT]])
        self._settings.setValue("last_file", str(path))

    def forget_recent(self, path: Path) -> None:
        self._settings.setValue("recent_files", [str(p) for p in self.recent_files if p != path])
        if self.last_file == path:
            self.clear_last_file()

    def clear_recent(self) -> None:
        self._settings.setValue("recent_files", [])

    @property
    def last_file(self) -> Path | None:
        value = self._settings.value("last_file", "")
        return Path(str(value)) if value else None

    def clear_last_file(self) -> None:
        self._settings.setValue("last_file", "")

    def geometry(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{key}", value)

    @property
    def muted(self) -> bool:
        return str(self._settings.value("sound/muted", "false")).lower() == "true"

    @muted.setter
    def muted(self, value: bool) -> None:
        self._settings.setValue("sound/muted", "true" if value else "false")

    def projector_full_screen(self, setup: str) -> bool | None:
        """Whether the projector was full screen last time with these screens (None: not yet shown)."""
        value = self._settings.value(f"projector/{setup}/full_screen")
        return None if value is None else str(value).lower() == "true"

    def set_projector_full_screen(self, setup: str, full: bool) -> None:
        self._settings.setValue(f"projector/{setup}/full_screen", "true" if full else "false")

    @property
    def theme(self) -> str:
        """View ▸ Theme: 'system' (follow the system's light or dark), 'light', 'dark' or 'high'."""
        return str(self._settings.value("view/theme", "system"))

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("view/theme", value)

    @property
    def backups_enabled(self) -> bool:
        """Automatic backups of the open workshop (on unless turned off)."""
        return str(self._settings.value("backups/enabled", "true")).lower() == "true"

    @backups_enabled.setter
    def backups_enabled(self, value: bool) -> None:
        self._settings.setValue("backups/enabled", "true" if value else "false")

    def sync(self) -> None:
        self._settings.sync()
