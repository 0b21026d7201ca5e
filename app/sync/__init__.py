"""The sync client (docs/sync-protocol.md): no Qt, every call blocking, for the GUI's network worker and the CLI.

- `client`: `login`, `logout`, `sync` → `SyncReport`, `sync_status`, `read_only_ids`, `server_reachable`,
  `local_scope_hash`, `wipe_store`
- `conflicts`: `open_conflicts`, `resolve_conflict`, `rejected_edits`, `dismiss_rejected_edit`, `pending_count`
- `progress`: what `sync(on_progress=…, cancel=…)` reports, and `SyncCancelled`
- `errors`: what stops a run (`OfflineError`, `ProtocolMismatch`, `DeviceRevoked`, …), all `AppError`s
- inside: `transport` (HTTP), `push`, `pull`, `apply`, `blobs` (attachment contents), `rows`, `values`,
  `credentials`; `merge`, `schema` and `scope` are shared with the server
"""
