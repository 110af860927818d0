package storage

// Partial reports whether the vault was opened without its requests
// (OpenWithoutRequests): deleting or merging a company through it would
// leave that company's requests behind, so the desk refuses both.
func (v *Vault) Partial() bool { return v.noRequests }
