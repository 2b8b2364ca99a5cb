// Package logbuf is a log writer that batches lines and writes them out a
// few times a second, so a busy server makes one write system call per
// batch instead of one per request. Lines reach the output at most
// FlushEvery late; Close flushes the rest.
package logbuf

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// FlushEvery is the longest a line waits in the buffer.
const FlushEvery = 100 * time.Millisecond

// Writer buffers writes to an underlying writer. It is safe for
// concurrent use.
type Writer struct {
	mu   sync.Mutex
	buf  *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

// New starts a Writer over out, with a buffer of 64 KiB.
func New(out io.Writer) *Writer {
	w := &Writer{buf: bufio.NewWriterSize(out, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go w.flushLoop()
	return w
}

// Write adds p to the buffer; a full buffer is written out at once.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// Flush writes out what is buffered.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Flush()
}

// Close stops the timer and flushes.
func (w *Writer) Close() error {
	close(w.stop)
	<-w.done
	return w.Flush()
}

func (w *Writer) flushLoop() {
	defer close(w.done)
	t := time.NewTicker(FlushEvery)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.Flush()
		}
	}
}
