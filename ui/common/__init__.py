"""What every page shares: document signals, bindings, delegates, record tables, dialogs, icons."""
