package batch

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/turntag/turntag/pipeline/limited"
	"github.com/turntag/turntag/pipeline/read"
	"github.com/turntag/turntag/pipeline/transcript"
)

// Cache keeps what the Runner's Encoders rendered for each file, so that a
// rerun over an archive redoes only the files that changed, and a run
// stopped with Ctrl-C keeps the files it finished (each is stored by the
// worker that tagged it, before the output is written).
//
// An entry is keyed by a SHA-256 of the file's bytes together with
// everything else its output depends on: the Cache's Key (which the caller
// makes from turntag's build, the lexicon and the options that change the
// output), the file's Source (it is a column), its format, the Runner's
// MaxFileSize and the number of Encoders. Only files tagged without error
// are stored.
//
// Entries are files under Dir, written to a temporary file and renamed,
// so two runs may share a Dir; each ends in a CRC-32C of its contents (a
// checksum against damage, as the key is a SHA-256 against collisions),
// and one that does not check out (truncated, corrupt, from another
// version) is recomputed and replaced, never trusted. When the entries pass MaxBytes
// the least recently used go, down to nine tenths of it.
//
// A nil *Cache caches nothing.
type Cache struct {
	Dir      string // the entries' folder, created as needed
	Key      string // what the output depends on besides the file: build, lexicon, options
	MaxBytes int64  // 0 means DefaultCacheBytes

	mu    sync.Mutex
	index map[string]cacheFile // entries on disk by path, read on the first store
	total int64
}

// DefaultCacheBytes bounds a Cache's entries: 1 GiB.
const DefaultCacheBytes = 1 << 30

// maxBytes is MaxBytes, or DefaultCacheBytes when it is not set.
func (c *Cache) maxBytes() int64 {
	if c.MaxBytes <= 0 {
		return DefaultCacheBytes
	}
	return c.MaxBytes
}

// cacheMagic starts every entry; a new layout gets a new magic.
const cacheMagic = "TTCACHE2"

type cacheFile struct {
	size int64
	used time.Time
}

// cacheEntry is one file's place in the cache, found before it is tagged
// and filled after.
type cacheEntry struct {
	c    *Cache
	key  string // hex SHA-256
	path string
}

// entry returns the place of a file read as src in format, or nil when
// r has no cache.
func (c *Cache) entry(r *Runner, in Input, format read.Format, src []byte) *cacheEntry {
	if c == nil {
		return nil
	}
	content := sha256.Sum256(src)
	h := sha256.New()
	for _, part := range []string{cacheMagic, c.Key, in.Source, string(format),
		strconv.FormatInt(r.maxFileSize(), 10), strconv.Itoa(len(r.Encoders)), string(content[:])} {
		binary.Write(h, binary.LittleEndian, uint64(len(part)))
		h.Write([]byte(part))
	}
	key := hex.EncodeToString(h.Sum(nil))
	return &cacheEntry{c: c, key: key, path: filepath.Join(c.Dir, key[:2], key)}
}

// get returns the stored result for the entry's file: its Encoded
// outputs, and a Doc that holds only the Source, the Warnings and as many
// (empty) Turns as the document has. It reports false when there is no
// entry, or none that checks out.
func (e *cacheEntry) get(in Input, size int) (Result, bool) {
	if e == nil {
		return Result{}, false
	}
	// a regular file no larger than the whole cache: anything else in
	// its place (a named pipe, a device) is not waited on or read
	b, err := limited.ReadFile(e.path, e.c.maxBytes())
	if err != nil {
		return Result{}, false
	}
	parts, turns, warnings, err := decodeEntry(b, e.key)
	if err != nil {
		os.Remove(e.path) // recomputed and stored again
		return Result{}, false
	}
	now := time.Now()
	os.Chtimes(e.path, now, now) // recently used: evicted last
	doc := &transcript.Document{Source: in.Source, Turns: make([]transcript.Turn, turns), Warnings: warnings}
	return Result{Input: in, Doc: doc, Bytes: int64(size), Encoded: parts, Cached: true}, true
}

// put stores a result that was tagged without error. Failing to store is
// not an error of the run: the file is tagged again next time.
func (e *cacheEntry) put(res Result) {
	if e == nil || res.Err != nil || res.Doc == nil {
		return
	}
	b := encodeEntry(e.key, res.Encoded, len(res.Doc.Turns), res.Doc.Warnings)
	dir := filepath.Dir(e.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), e.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	e.c.added(e.path, int64(len(b)))
}

// encodeEntry lays out an entry: the magic, the key, the number of turns,
// the warnings and the outputs, each with its length as a uvarint, then a
// CRC-32C of all that, little-endian.
func encodeEntry(key string, parts [][]byte, turns int, warnings []string) []byte {
	n := len(cacheMagic) + len(key) + 64 // 64: the counts and the checksum
	for _, p := range parts {
		n += len(p) + binary.MaxVarintLen64
	}
	b := make([]byte, 0, n)
	b = append(b, cacheMagic...)
	str := func(s []byte) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str([]byte(key))
	b = binary.AppendUvarint(b, uint64(turns))
	b = binary.AppendUvarint(b, uint64(len(warnings)))
	for _, w := range warnings {
		str([]byte(w))
	}
	b = binary.AppendUvarint(b, uint64(len(parts)))
	for _, p := range parts {
		str(p)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

var errBadEntry = errors.New("bad cache entry")

// castagnoli is the CRC-32C table, which the processor computes on amd64
// and arm64 many times faster than a SHA-256.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// decodeEntry checks an entry and returns its contents.
func decodeEntry(b []byte, key string) (parts [][]byte, turns int, warnings []string, err error) {
	if len(b) < len(cacheMagic)+crc32.Size || string(b[:len(cacheMagic)]) != cacheMagic {
		return nil, 0, nil, errBadEntry
	}
	body, sum := b[:len(b)-crc32.Size], b[len(b)-crc32.Size:]
	if binary.LittleEndian.Uint32(sum) != crc32.Checksum(body, castagnoli) {
		return nil, 0, nil, errBadEntry
	}
	r := body[len(cacheMagic):]
	num := func() int {
		v, n := binary.Uvarint(r)
		if n <= 0 || v > uint64(len(b)) {
			err = errBadEntry
			return 0
		}
		r = r[n:]
		return int(v)
	}
	str := func() []byte {
		n := num()
		if err != nil || n > len(r) {
			err = errBadEntry
			return nil
		}
		s := r[:n:n]
		r = r[n:]
		return s
	}
	if string(str()) != key {
		return nil, 0, nil, errBadEntry
	}
	turns = num()
	for k := num(); k > 0 && err == nil; k-- {
		warnings = append(warnings, string(str()))
	}
	for k := num(); k > 0 && err == nil; k-- {
		parts = append(parts, str())
	}
	if err == nil && len(r) != 0 {
		err = errBadEntry
	}
	if err != nil {
		return nil, 0, nil, err
	}
	return parts, turns, warnings, nil
}

// added accounts for a new entry and evicts the least recently used when
// the entries pass MaxBytes. The first call reads what is on disk, and
// removes temporary files an interrupted run left behind.
func (c *Cache) added(path string, size int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil {
		c.index = map[string]cacheFile{}
		c.scan()
	}
	if old, ok := c.index[path]; ok {
		c.total -= old.size
	}
	c.index[path] = cacheFile{size, time.Now()}
	c.total += size
	limit := c.maxBytes()
	if c.total <= limit {
		return
	}
	paths := make([]string, 0, len(c.index))
	for p := range c.index {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool { return c.index[paths[i]].used.Before(c.index[paths[j]].used) })
	for _, p := range paths {
		if c.total <= limit/10*9 {
			break
		}
		os.Remove(p)
		c.total -= c.index[p].size
		delete(c.index, p)
	}
}

// scan lists the entries on disk, and only those (DIR/ab/ab…, 64 hex
// digits), so that no other file in Dir is ever counted or removed; c.mu
// is held.
func (c *Cache) scan() {
	stale := time.Now().Add(-time.Hour)
	shards, _ := os.ReadDir(c.Dir)
	for _, sd := range shards {
		if !sd.IsDir() || len(sd.Name()) != 2 || !isHex(sd.Name()) {
			continue
		}
		dir := filepath.Join(c.Dir, sd.Name())
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			name := f.Name()
			entry := len(name) == 2*sha256.Size && strings.HasPrefix(name, sd.Name()) && isHex(name)
			temp := strings.HasPrefix(name, ".tmp-")
			if !entry && !temp {
				continue
			}
			info, err := f.Info()
			if err != nil || !info.Mode().IsRegular() {
				continue
			}
			path := filepath.Join(dir, name)
			if temp {
				if info.ModTime().Before(stale) { // left by a run that was killed
					os.Remove(path)
				}
				continue
			}
			c.index[path] = cacheFile{info.Size(), info.ModTime()}
			c.total += info.Size()
		}
	}
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
