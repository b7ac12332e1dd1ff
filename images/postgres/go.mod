module rose-ash.local/images/postgres

go 1.24
