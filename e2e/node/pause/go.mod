module rose-ash.local/e2e/pause

go 1.24
