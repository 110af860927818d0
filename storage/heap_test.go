package storage

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

// heapHeldByOpen opens the vault at path and returns what the heap holds
// with it open, after collecting all garbage: the bytes of the spans in
// use, and the live bytes in them. The vault is closed again.
func heapHeldByOpen(tb testing.TB, path string, k Keyring) (inuse, live uint64) {
	tb.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v, err := Open(path, Unlock{}, k)
	if err != nil {
		tb.Fatal(err)
	}
	defer v.Close()
	runtime.GC() // twice: the first may leave what finalizers free
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return after.HeapInuse - min(before.HeapInuse, after.HeapInuse), after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
}

// TestHeapAfterOpen measures what an open big vault holds (issue 25:
// memory proportional to what is shown) and writes a heap profile to
// $PRAVA_HEAP_PROFILE, when that is set:
//
//	PRAVA_HEAP_PROFILE=/tmp/heap.pprof scripts/with-keyring.sh go test ./storage -run TestHeapAfterOpen -v
//	go tool pprof -sample_index=inuse_space -top /tmp/heap.pprof
func TestHeapAfterOpen(t *testing.T) {
	out := os.Getenv("PRAVA_HEAP_PROFILE")
	if out == "" {
		t.Skip("profiles the open big vault only when asked")
	}
	path, k := bigVault(t)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	runtime.GC() // twice: the first may leave what finalizers free
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("heap in use: %d MB before the open, %d MB with the vault open", before.HeapInuse>>20, after.HeapInuse>>20)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(v)
}
