package storage

import (
	"runtime"
	"sync"
)

// parallel runs do(0..n-1) on every core and returns the first error.
func parallel(n int, do func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if errs[w] == nil {
					errs[w] = do(i)
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
