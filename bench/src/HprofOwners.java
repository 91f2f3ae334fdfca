import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HprofOwners: reads a HotSpot binary heap dump (JAVA PROFILE 1.0.1/1.0.2) and reports where the
 * shallow memory of the dumped objects is held, grouped by "first referrer class.field -> object class".
 *
 * Usage: java -Xmx6g HprofOwners.java DUMP.hprof
 * (How docs/benchmarks.md's tables of what a 50k check's heap holds were made: a dump of the running check by
 * {@code jcmd PID GC.heap_dump /tmp/d.hprof}, live objects only, then
 * {@code java -Xmx6g -Dhprof.parent=bfs bench/src/HprofOwners.java /tmp/d.hprof}. The int[] rows "with no referrer,
 * not a GC root" are the collector's filler objects, not live data.)
 * Options (system properties, put before the file name: java -Dhprof.top=100 -Xmx6g HprofOwners.java x.hprof):
 *   -Dhprof.top=60          rows per table
 *   -Dhprof.depth=4         max number of JDK-collection levels walked through in table 2
 *   -Dhprof.refSize=4       size of a reference field / array slot (8 = no compressed oops)
 *   -Dhprof.objHeader=12    instance header size (16 = no compressed class pointers)
 *   -Dhprof.arrHeader=16    array header size incl. length (24 = no compressed class pointers)
 *   -Dhprof.fullNames=true  print the object class with its package
 *   -Dhprof.classes=20      rows of the per-class histogram (0 = none)
 *   -Dhprof.parent=file     owner = first referrer in file order (default)
 *   -Dhprof.parent=bfs      owner = parent on a breadth-first path from the GC roots (stores all
 *                           references in memory: ~8 bytes per reference extra; avoids the
 *                           cycles of the file-order rule, e.g. in LinkedList/LinkedHashMap/trees)
 *   -Dhprof.classMirrorExtra=32  bytes added to each java.lang.Class object for VM-injected fields
 */
public class HprofOwners {
    static int ID = 8;
    static final int REF = Integer.getInteger("hprof.refSize", 4);
    static final int OBJ_HEADER = Integer.getInteger("hprof.objHeader", 12);
    static final int ARR_HEADER = Integer.getInteger("hprof.arrHeader", 16);
    static final int TOP = Integer.getInteger("hprof.top", 60);
    static final int DEPTH = Integer.getInteger("hprof.depth", 4);
    static final int CLASS_ROWS = Integer.getInteger("hprof.classes", 20);
    static final boolean FULL = Boolean.getBoolean("hprof.fullNames");
    static final boolean DEBUG_MISSING = Boolean.getBoolean("hprof.debugMissing");
    static final Map<String, Integer> missingBySlot = new HashMap<>();
    static final boolean BFS = "bfs".equalsIgnoreCase(System.getProperty("hprof.parent", "file"));
    static final int CLASS_HIDDEN = Integer.getInteger("hprof.classMirrorExtra", 32);

    // ---------------------------------------------------------------- buffered file reader
    static final class Reader implements Closeable {
        final FileChannel ch;
        final ByteBuffer buf;
        long bufStart; // file offset of buf[0]
        final long size;

        Reader(Path p, int bufSize) throws IOException {
            ch = FileChannel.open(p, StandardOpenOption.READ);
            size = ch.size();
            buf = ByteBuffer.allocateDirect(bufSize).order(ByteOrder.BIG_ENDIAN);
            buf.limit(0);
        }

        long pos() { return bufStart + buf.position(); }

        void ensure(int n) throws IOException {
            if (buf.remaining() < n) fill(n);
        }

        private void fill(int n) throws IOException {
            if (n > buf.capacity()) throw new IOException("record of " + n + " bytes larger than buffer");
            bufStart += buf.position();
            buf.compact();
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) break;
            }
            buf.flip();
            if (buf.remaining() < n)
                throw new IOException("unexpected end of file at offset " + pos() + " (file truncated?)");
        }

        int u1() throws IOException { ensure(1); return buf.get() & 0xff; }
        int u2() throws IOException { ensure(2); return buf.getShort() & 0xffff; }
        int u4() throws IOException { ensure(4); return buf.getInt(); }
        long u4L() throws IOException { ensure(4); return buf.getInt() & 0xffffffffL; }
        long u8() throws IOException { ensure(8); return buf.getLong(); }
        long id() throws IOException {
            if (ID == 8) { ensure(8); return buf.getLong(); }
            ensure(4); return buf.getInt() & 0xffffffffL;
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = new byte[n];
            int off = 0;
            while (off < n) {
                int k = Math.min(n - off, buf.capacity() / 2);
                ensure(k);
                buf.get(b, off, k);
                off += k;
            }
            return b;
        }

        void skip(long n) throws IOException {
            if (n < 0) throw new IOException("negative skip " + n + " at " + pos());
            if (n <= buf.remaining()) { buf.position(buf.position() + (int) n); return; }
            long target = pos() + n;
            if (target > size) throw new IOException("skip beyond end of file at " + pos() + " (truncated?)");
            ch.position(target);
            bufStart = target;
            buf.clear();
            buf.limit(0);
        }

        public void close() throws IOException { ch.close(); }
    }

    // ---------------------------------------------------------------- small primitive map long -> int
    static final class LongIntMap {
        long[] keys; int[] vals; boolean[] used; int size, mask;
        LongIntMap(int cap) {
            int c = Integer.highestOneBit(Math.max(16, cap * 2 - 1)) << 1;
            keys = new long[c]; vals = new int[c]; used = new boolean[c]; mask = c - 1;
        }
        static int h(long k) { k *= 0x9E3779B97F4A7C15L; return (int) (k ^ (k >>> 29) ^ (k >>> 47)); }
        int get(long k) {
            int i = h(k) & mask;
            while (used[i]) { if (keys[i] == k) return vals[i]; i = (i + 1) & mask; }
            return -1;
        }
        void put(long k, int v) {
            if ((size + 1) * 2 > keys.length) grow();
            int i = h(k) & mask;
            while (used[i]) { if (keys[i] == k) { vals[i] = v; return; } i = (i + 1) & mask; }
            used[i] = true; keys[i] = k; vals[i] = v; size++;
        }
        private void grow() {
            long[] ok = keys; int[] ov = vals; boolean[] ou = used;
            int c = ok.length * 2;
            keys = new long[c]; vals = new int[c]; used = new boolean[c]; mask = c - 1; size = 0;
            for (int i = 0; i < ok.length; i++) if (ou[i]) put(ok[i], ov[i]);
        }
    }

    // ---------------------------------------------------------------- classes
    static final class ClassInfo {
        final int idx;
        long id;           // class object id (0 for pseudo classes of primitive arrays)
        String name;       // pretty name
        boolean dumped;    // CLASS_DUMP seen
        long superId;
        long[] staticNames = new long[0]; byte[] staticTypes = new byte[0];
        long[] fieldNames = new long[0]; byte[] fieldTypes = new byte[0];
        int fileIdx = -1;  // file-order index of the Class object
        int shallow8 = 2;  // instance shallow size / 8
        int flatBytes = -1;// hprof size of INSTANCE_DUMP data
        int[] refOffsets, refSlots;
        int arraySlot = -1;
        int[] staticSlots;
        int cpSlot = -1;
        boolean walk;
        long instances;
        ClassInfo(int idx) { this.idx = idx; }
    }

    static final List<ClassInfo> classes = new ArrayList<>();
    static final LongIntMap classIdxById = new LongIntMap(1 << 15);
    static final int[] primClassIdx = new int[12];
    static final Map<Long, String> strings = new HashMap<>();
    static final Map<Long, Long> classNameIds = new HashMap<>();

    static ClassInfo classFor(long id) {
        int i = classIdxById.get(id);
        if (i >= 0) return classes.get(i);
        ClassInfo c = new ClassInfo(classes.size());
        c.id = id;
        classes.add(c);
        classIdxById.put(id, c.idx);
        return c;
    }

    static int primClass(int type) throws IOException {
        if (type < 4 || type > 11) throw new IOException("bad primitive array type " + type);
        if (primClassIdx[type] == 0) {
            ClassInfo c = new ClassInfo(classes.size());
            c.name = primName(type) + "[]";
            classes.add(c);
            primClassIdx[type] = c.idx + 1;
        }
        return primClassIdx[type] - 1;
    }

    static String primName(int t) {
        switch (t) {
            case 4: return "boolean"; case 5: return "char"; case 6: return "float"; case 7: return "double";
            case 8: return "byte"; case 9: return "short"; case 10: return "int"; case 11: return "long";
            default: return "?" + t;
        }
    }

    /** size of a value of this basic type inside the hprof file */
    static int hsize(int t) throws IOException {
        switch (t) {
            case 2: return ID;
            case 4: case 8: return 1;
            case 5: case 9: return 2;
            case 6: case 10: return 4;
            case 7: case 11: return 8;
            default: throw new IOException("bad basic type " + t);
        }
    }

    /** size of a value of this basic type in the (modelled) JVM heap */
    static int msize(int t) throws IOException { return t == 2 ? REF : hsize(t); }

    static String prettyName(String n) {
        int slash0x = n.indexOf("/0x"); // hidden classes: a/b/C$$Lambda$12/0x0000000800c03000
        String head = slash0x >= 0 ? n.substring(0, slash0x) : n;
        String tail = slash0x >= 0 ? n.substring(slash0x) : "";
        head = head.replace('/', '.');
        int dims = 0;
        while (dims < head.length() && head.charAt(dims) == '[') dims++;
        if (dims == 0) return head + tail;
        String base = head.substring(dims);
        String b;
        switch (base.isEmpty() ? '?' : base.charAt(0)) {
            case 'L': b = base.substring(1, base.endsWith(";") ? base.length() - 1 : base.length()) + tail; tail = ""; break;
            case 'Z': b = "boolean"; break; case 'C': b = "char"; break; case 'F': b = "float"; break;
            case 'D': b = "double"; break; case 'B': b = "byte"; break; case 'S': b = "short"; break;
            case 'I': b = "int"; break; case 'J': b = "long"; break;
            default: b = base;
        }
        if (b.endsWith(";")) b = b.substring(0, b.length() - 1);
        return b + tail + "[]".repeat(dims);
    }

    static String simpleName(String s) {
        if (FULL) return s;
        int cut = s.indexOf('/');
        String main = cut >= 0 ? s.substring(0, cut) : s;
        return s.substring(main.lastIndexOf('.') + 1);
    }

    static String collName(String s) {
        String n = simpleName(s);
        for (String p : new String[]{"ImmutableCollections$", "Collections$", "Arrays$"})
            if (n.startsWith(p)) return n.substring(p.length());
        return n;
    }

    static boolean isWalkThrough(ClassInfo c) {
        String n = c.name;
        if (n == null) return false;
        if (n.endsWith("[]")) {
            String e = n.substring(0, n.length() - 2);
            return !(e.equals("boolean") || e.equals("char") || e.equals("float") || e.equals("double")
                    || e.equals("byte") || e.equals("short") || e.equals("int") || e.equals("long"));
        }
        int dot = n.lastIndexOf('.');
        if (dot < 0) return false;
        String pkg = n.substring(0, dot);
        if (!pkg.equals("java.util") && !pkg.equals("java.util.concurrent")) return false;
        String s = n.substring(dot + 1);
        for (String k : new String[]{"List", "Map", "Set", "Node", "Entry", "Collection", "Deque", "Queue",
                "Vector", "Stack", "Hashtable", "TreeBin", "Bin"})
            if (s.contains(k)) return true;
        return false;
    }

    // ---------------------------------------------------------------- slots (owner class + field)
    static final List<String> slotDesc = new ArrayList<>();
    static final List<String> slotField = new ArrayList<>(); // field name only, null for array slots / roots
    static int newSlot(String desc, String field) {
        slotDesc.add(desc); slotField.add(field); return slotDesc.size() - 1;
    }
    static final String[] ROOT_NAMES = new String[256];
    static final int[] rootSlotByCode = new int[256];
    static int noRefSlot;

    static String str(long id) {
        String s = strings.get(id);
        return s != null ? s : ("<string 0x" + Long.toHexString(id) + ">");
    }

    // ---------------------------------------------------------------- per-object data
    static int n;                 // number of objects
    static long[] fIds = new long[1 << 20];
    static int[] fCls = new int[1 << 20];
    static int[] fSize8 = new int[1 << 20]; // -1: instance (size from class), -2: class object
    static long[] ids;            // sorted
    static int[] cls, size8, firstRef, refSlot;
    static byte[] rootType;
    static long minId, maxId; static int shift; static int[] bucket;

    // BFS mode: all references, grouped by source object
    static int[] eT = new int[0], eS = new int[0], eStart, eCnt;
    static int eN;
    static int[] rootOrder = new int[1024];
    static int rootN;
    static java.util.BitSet referenced;

    static void beginObj(int self) {
        if (BFS && self >= 0) eStart[self] = eN;
    }

    static int addObj(long id, int ci, int s8) {
        if (n == fIds.length) {
            int c = (int) Math.min(Integer.MAX_VALUE - 16, (long) n * 3 / 2);
            fIds = Arrays.copyOf(fIds, c); fCls = Arrays.copyOf(fCls, c); fSize8 = Arrays.copyOf(fSize8, c);
        }
        fIds[n] = id; fCls[n] = ci; fSize8[n] = s8;
        return n++;
    }

    static int size8(long bytes) {
        long s = (bytes + 7) >>> 3;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    static int lookup(long id) {
        if (id < minId || id > maxId) return -1;
        int b = (int) ((id - minId) >>> shift);
        int lo = bucket[b], hi = bucket[b + 1] - 1;
        long[] a = ids;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = a[mid];
            if (v < id) lo = mid + 1; else if (v > id) hi = mid - 1; else return mid;
        }
        return -1;
    }

    // ---------------------------------------------------------------- parsing
    static long fileSize;
    static String version;
    static long heapRecords, unknownTop;
    static long missingRefs, sizeMismatch, selfRefs, rootRecords;

    static void header(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = r.u1()) != 0) {
            sb.append((char) c);
            if (sb.length() > 64) break;
        }
        version = sb.toString();
        if (!version.startsWith("JAVA PROFILE 1.0.")) {
            if (sb.length() > 1 && sb.charAt(0) == 0x1f && sb.charAt(1) == 0x8b)
                throw new IOException("file is gzip-compressed; gunzip it first");
            throw new IOException("not an HPROF file (header '" + version + "')");
        }
        ID = r.u4();
        if (ID != 4 && ID != 8) throw new IOException("unsupported identifier size " + ID);
        r.u8();
    }

    static void pass(Reader r, int pass) throws IOException {
        header(r);
        long lastReport = System.nanoTime();
        while (r.pos() < r.size) {
            int tag = r.u1();
            r.u4();
            long len = r.u4L();
            long start = r.pos();
            switch (tag) {
                case 0x01:
                    if (pass == 1) { long sid = r.id(); strings.put(sid, new String(r.bytes((int) (len - ID)), StandardCharsets.UTF_8)); }
                    else r.skip(len);
                    break;
                case 0x02:
                    if (pass == 1) { r.u4(); long cid = r.id(); r.u4(); long nid = r.id(); classNameIds.put(cid, nid); }
                    else r.skip(len);
                    break;
                case 0x0C: case 0x1C:
                    heapRecords++;
                    if (pass == 1) segment1(r, start + len); else segment2(r, start + len);
                    break;
                default:
                    r.skip(len);
            }
            if (r.pos() != start + len)
                throw new IOException(String.format("record 0x%02x at %d: parsed %d bytes, length says %d",
                        tag, start - 9, r.pos() - start, len));
            long now = System.nanoTime();
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                System.err.printf("  pass %d: %.0f%%%n", pass, 100.0 * r.pos() / r.size);
            }
        }
    }

    static boolean skipRoot(Reader r, int st) throws IOException {
        switch (st) {
            case 0xFF: case 0x05: case 0x07: case 0x89: case 0x8A: case 0x8B: case 0x8C: case 0x8D: case 0x90:
                r.skip(ID); return true;
            case 0x01: r.skip(2L * ID); return true;
            case 0x02: case 0x03: case 0x08: case 0x8E: r.skip(ID + 8); return true;
            case 0x04: case 0x06: r.skip(ID + 4); return true;
            case 0xFE: r.skip(4 + ID); return true;          // HEAP_DUMP_INFO (Android)
            case 0xC3: r.skip(ID + 4 + 4 + 1); return true;  // PRIMITIVE_ARRAY_NODATA (Android)
            default: return false;
        }
    }

    static void segment1(Reader r, long end) throws IOException {
        while (r.pos() < end) {
            int st = r.u1();
            switch (st) {
                case 0x20: classDump1(r); break;
                case 0x21: {
                    long id = r.id(); r.u4(); long cid = r.id(); long nb = r.u4L();
                    r.skip(nb);
                    ClassInfo c = classFor(cid);
                    c.instances++;
                    addObj(id, c.idx, -1);
                    break;
                }
                case 0x22: {
                    long id = r.id(); r.u4(); long len = r.u4L(); long cid = r.id();
                    r.skip(len * ID);
                    ClassInfo c = classFor(cid);
                    c.instances++;
                    addObj(id, c.idx, size8(ARR_HEADER + len * REF));
                    break;
                }
                case 0x23: {
                    long id = r.id(); r.u4(); long len = r.u4L(); int t = r.u1();
                    r.skip(len * hsize(t));
                    int ci = primClass(t);
                    classes.get(ci).instances++;
                    addObj(id, ci, size8(ARR_HEADER + len * msize(t)));
                    break;
                }
                default:
                    if (!skipRoot(r, st))
                        throw new IOException(String.format("unknown heap dump sub-record 0x%02x at offset %d", st, r.pos() - 1));
            }
        }
        if (r.pos() != end) throw new IOException("heap dump segment overrun at " + r.pos());
    }

    static void classDump1(Reader r) throws IOException {
        long cid = r.id(); r.u4();
        long sup = r.id();
        r.skip(5L * ID); // loader, signers, protection domain, 2 reserved
        r.u4();          // instance size (hprof units, not used)
        int cp = r.u2();
        for (int i = 0; i < cp; i++) { r.u2(); int t = r.u1(); r.skip(hsize(t)); }
        int ns = r.u2();
        long[] sn = new long[ns]; byte[] stp = new byte[ns];
        for (int i = 0; i < ns; i++) { sn[i] = r.id(); int t = r.u1(); stp[i] = (byte) t; r.skip(hsize(t)); }
        int nf = r.u2();
        long[] fnm = new long[nf]; byte[] ft = new byte[nf];
        for (int i = 0; i < nf; i++) { fnm[i] = r.id(); ft[i] = (byte) r.u1(); hsize(ft[i]); }
        ClassInfo c = classFor(cid);
        c.dumped = true; c.superId = sup;
        c.staticNames = sn; c.staticTypes = stp; c.fieldNames = fnm; c.fieldTypes = ft;
        c.fileIdx = addObj(cid, c.idx, -2);
    }

    static void ref(int self, long target, int slot) {
        if (target == 0) return;
        int t = lookup(target);
        if (t < 0) {
            missingRefs++;
            if (DEBUG_MISSING) missingBySlot.merge(slotDesc.get(slot), 1, Integer::sum);
            return;
        }
        if (t == self) { selfRefs++; return; }
        if (BFS) {
            if (eN == eT.length) {
                if (eN >= Integer.MAX_VALUE - 16) throw new IllegalStateException("more than 2^31 references; use -Dhprof.parent=file");
                int c = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 22, (long) eN * 3 / 2));
                eT = Arrays.copyOf(eT, c); eS = Arrays.copyOf(eS, c);
            }
            eT[eN] = t; eS[eN] = slot; eN++;
            eCnt[self]++;
            referenced.set(t);
        } else if (firstRef[t] < 0) { firstRef[t] = self; refSlot[t] = slot; }
    }

    static void root(Reader r, int code, int extra) throws IOException {
        long id = r.id();
        r.skip(extra);
        rootRecords++;
        int s = lookup(id);
        if (s >= 0 && rootType[s] == 0) {
            rootType[s] = (byte) code;
            if (BFS) {
                if (rootN == rootOrder.length) rootOrder = Arrays.copyOf(rootOrder, rootN * 2);
                rootOrder[rootN++] = s;
            }
        }
    }

    static void segment2(Reader r, long end) throws IOException {
        while (r.pos() < end) {
            int st = r.u1();
            switch (st) {
                case 0x20: classDump2(r); break;
                case 0x21: {
                    long id = r.id(); r.u4(); long cid = r.id(); int nb = r.u4();
                    int self = lookup(id);
                    beginObj(self);
                    ClassInfo c = classes.get(classIdxById.get(cid));
                    if (c.refOffsets == null || nb != c.flatBytes || nb < 0) {
                        if (c.refOffsets != null) sizeMismatch++;
                        r.skip(nb & 0xffffffffL);
                        break;
                    }
                    r.ensure(nb);
                    ByteBuffer b = r.buf;
                    int base = b.position();
                    int[] offs = c.refOffsets, slots = c.refSlots;
                    for (int k = 0; k < offs.length; k++) {
                        long v = ID == 8 ? b.getLong(base + offs[k]) : (b.getInt(base + offs[k]) & 0xffffffffL);
                        ref(self, v, slots[k]);
                    }
                    b.position(base + nb);
                    break;
                }
                case 0x22: {
                    long id = r.id(); r.u4(); long len = r.u4L(); long cid = r.id();
                    int self = lookup(id);
                    beginObj(self);
                    ClassInfo c = classes.get(classIdxById.get(cid));
                    if (c.arraySlot < 0) c.arraySlot = newSlot(c.name + ".[]", null);
                    int slot = c.arraySlot;
                    for (long i = 0; i < len; i++) ref(self, r.id(), slot);
                    break;
                }
                case 0x23: {
                    r.id(); r.u4(); long len = r.u4L(); int t = r.u1();
                    r.skip(len * hsize(t));
                    break;
                }
                case 0xFF: root(r, 1, 0); break;
                case 0x01: root(r, 2, ID); break;
                case 0x02: root(r, 3, 8); break;
                case 0x03: root(r, 4, 8); break;
                case 0x04: root(r, 5, 4); break;
                case 0x05: root(r, 6, 0); break;
                case 0x06: root(r, 7, 4); break;
                case 0x07: root(r, 8, 0); break;
                case 0x08: root(r, 9, 8); break;
                case 0x89: root(r, 10, 0); break;
                case 0x8A: root(r, 11, 0); break;
                case 0x8B: root(r, 12, 0); break;
                case 0x8C: root(r, 13, 0); break;
                case 0x8D: root(r, 14, 0); break;
                case 0x8E: root(r, 15, 8); break;
                case 0x90: root(r, 16, 0); break;
                default:
                    if (!skipRoot(r, st))
                        throw new IOException(String.format("unknown heap dump sub-record 0x%02x at offset %d", st, r.pos() - 1));
            }
        }
    }

    static void classDump2(Reader r) throws IOException {
        long cid = r.id(); r.u4();
        int self = lookup(cid);
        beginObj(self);
        ClassInfo c = classes.get(classIdxById.get(cid));
        r.skip(6L * ID); r.u4();
        int cp = r.u2();
        for (int i = 0; i < cp; i++) {
            r.u2(); int t = r.u1();
            if (t == 2) {
                long v = r.id();
                if (c.cpSlot < 0) c.cpSlot = newSlot(c.name + ".<constant pool> (static)", "<constant pool>");
                ref(self, v, c.cpSlot);
            } else r.skip(hsize(t));
        }
        int ns = r.u2();
        if (c.staticSlots == null) { c.staticSlots = new int[ns]; Arrays.fill(c.staticSlots, -1); }
        for (int i = 0; i < ns; i++) {
            long nameId = r.id(); int t = r.u1();
            if (t == 2) {
                long v = r.id();
                if (i >= c.staticSlots.length) continue;
                if (c.staticSlots[i] < 0) {
                    String fn = str(nameId);
                    c.staticSlots[i] = newSlot(c.name + "." + fn + " (static)", fn);
                }
                ref(self, v, c.staticSlots[i]);
            } else r.skip(hsize(t));
        }
        int nf = r.u2();
        r.skip((long) nf * (ID + 1));
    }

    // ---------------------------------------------------------------- setup between passes
    static void prepareClasses() throws IOException {
        for (ClassInfo c : classes) {
            if (c.name != null) continue;
            Long nid = classNameIds.get(c.id);
            c.name = nid != null ? prettyName(str(nid)) : ("<unknown class 0x" + Long.toHexString(c.id) + ">");
        }
        // flatten instance fields: this class, then super class, ... (order of INSTANCE_DUMP data)
        for (ClassInfo c : classes) {
            if (!c.dumped) continue;
            int hbytes = 0, mbytes = 0;
            List<Integer> offs = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            ClassInfo k = c;
            int guard = 0;
            boolean ok = true;
            while (k != null && guard++ < 1000) {
                for (int i = 0; i < k.fieldTypes.length; i++) {
                    int t = k.fieldTypes[i];
                    if (t == 2) {
                        offs.add(hbytes);
                        String fn = str(k.fieldNames[i]);
                        slots.add(newSlot(c.name + "." + fn, fn));
                    }
                    hbytes += hsize(t);
                    mbytes += msize(t);
                }
                if (k.superId == 0) break;
                int si = classIdxById.get(k.superId);
                if (si < 0 || !classes.get(si).dumped) { ok = false; break; }
                k = classes.get(si);
            }
            c.shallow8 = size8(OBJ_HEADER + mbytes);
            if (!ok) continue;
            c.flatBytes = hbytes;
            c.refOffsets = offs.stream().mapToInt(Integer::intValue).toArray();
            c.refSlots = slots.stream().mapToInt(Integer::intValue).toArray();
        }
        for (ClassInfo c : classes) c.walk = isWalkThrough(c);
    }

    static int findClass(String name) {
        for (ClassInfo c : classes) if (name.equals(c.name) && (c.dumped || c.instances > 0)) return c.idx;
        return -1;
    }

    static void buildIndex() {
        long t = System.nanoTime();
        ids = Arrays.copyOf(fIds, n);
        Arrays.parallelSort(ids);
        int dups = 0;
        for (int i = 1; i < n; i++) if (ids[i] == ids[i - 1]) dups++;
        if (dups > 0) System.err.println("WARNING: " + dups + " duplicate object ids");
        minId = n > 0 ? ids[0] : 0;
        maxId = n > 0 ? ids[n - 1] : -1;
        long span = maxId - minId;
        shift = 3;
        if (span < 0) shift = 63; // overflow: degenerate to one bucket
        else while (shift < 63 && (span >>> shift) >= Math.max(2L * n, 16)) shift++;
        int nb = (int) ((n == 0 ? 0 : (maxId - minId) >>> shift)) + 1;
        bucket = new int[nb + 1];
        for (int i = 0; i < n; i++) bucket[(int) ((ids[i] - minId) >>> shift) + 1]++;
        for (int b = 0; b < nb; b++) bucket[b + 1] += bucket[b];
        System.err.printf("  index built in %.1fs (%d objects, %d buckets)%n", (System.nanoTime() - t) / 1e9, n, nb);
    }

    static void permute() throws IOException {
        int classClass = findClass("java.lang.Class");
        if (classClass < 0) {
            ClassInfo c = new ClassInfo(classes.size()); c.name = "java.lang.Class"; classes.add(c); classClass = c.idx;
        }
        ClassInfo cc = classes.get(classClass);
        cls = new int[n]; size8 = new int[n];
        for (int i = 0; i < n; i++) {
            int s = lookup(fIds[i]);
            int ci = fCls[i];
            int sz = fSize8[i];
            if (sz == -1) sz = classes.get(ci).shallow8;
            else if (sz == -2) {
                ClassInfo c = classes.get(ci);
                long b = (long) cc.shallow8 * 8 + CLASS_HIDDEN;
                for (int k = 0; k < c.staticTypes.length; k++) {
                    String nm = strings.get(c.staticNames[k]);
                    if (nm != null && nm.startsWith("<")) continue; // <resolved_references>, <init_lock> pseudo fields
                    b += msize(c.staticTypes[k]);
                }
                sz = size8(b);
                ci = classClass;
                cc.instances++;
            }
            cls[s] = ci; size8[s] = sz;
        }
        fIds = null; fCls = null; fSize8 = null;
    }

    // ---------------------------------------------------------------- aggregation
    static final class Row { final String desc; long bytes, count; Row(String d) { desc = d; } }

    record Key2(int owner, int top, int hop, int cls) {}

    static int[] chainMemo;

    /** topmost ancestor reachable through first-referrer links of the same class (linked nodes, trees) */
    static int climb(int x) {
        if (chainMemo[x] > 0) return chainMemo[x] - 1;
        int c = cls[x];
        int cur = x;
        int top;
        int steps = 0;
        while (true) {
            int m = chainMemo[cur];
            if (m > 0) { top = m - 1; break; }
            if (m < 0) { top = cur; break; } // cycle
            int p = firstRef[cur];
            chainMemo[cur] = -1;
            steps++;
            if (p < 0 || cls[p] != c) { top = cur; break; }
            cur = p;
        }
        // second walk to write results
        cur = x;
        for (int i = 0; i < steps; i++) {
            int p = firstRef[cur];
            chainMemo[cur] = top + 1;
            if (cur == top || p < 0) break;
            cur = p;
        }
        chainMemo[top] = top + 1;
        return top;
    }

    static int rootSlot(int s) {
        int rt = rootType[s];
        return rt != 0 ? rootSlotByCode[rt] : noRefSlot;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -Xmx6g HprofOwners.java DUMP.hprof");
            System.exit(2);
        }
        Path path = Path.of(args[0]);
        long t0 = System.nanoTime();
        String[] rn = {null, "unknown", "JNI global", "JNI local", "Java frame", "native stack", "sticky class",
                "thread block", "monitor used", "thread object", "interned string", "finalizing", "debugger",
                "reference cleanup", "VM internal", "JNI monitor", "unreachable"};
        for (int i = 1; i < rn.length; i++) { ROOT_NAMES[i] = rn[i]; rootSlotByCode[i] = newSlot("<GC root: " + rn[i] + ">", null); }
        noRefSlot = newSlot("<no referrer, not a GC root>", null);

        try (Reader r = new Reader(path, 32 << 20)) {
            fileSize = r.size;
            pass(r, 1);
        }
        long t1 = System.nanoTime();
        System.err.printf("pass 1: %.1fs, %d objects, %d classes%n", (t1 - t0) / 1e9, n, classes.size());
        prepareClasses();
        buildIndex();
        permute();
        firstRef = new int[n]; Arrays.fill(firstRef, -1);
        refSlot = new int[n];
        rootType = new byte[n];
        if (BFS) { eStart = new int[n]; eCnt = new int[n]; referenced = new java.util.BitSet(n); }
        long t2 = System.nanoTime();
        heapRecords = 0;
        try (Reader r = new Reader(path, 32 << 20)) {
            pass(r, 2);
        }
        long t3 = System.nanoTime();
        System.err.printf("pass 2: %.1fs%n", (t3 - t2) / 1e9);
        long noIncoming = -1;
        if (BFS) {
            System.err.printf("  %,d references stored%n", eN);
            noIncoming = n - referenced.cardinality();
            referenced = null;
            bfs();
            eT = null; eS = null; eStart = null; eCnt = null; rootOrder = null;
            System.err.printf("bfs: %.1fs%n", (System.nanoTime() - t3) / 1e9);
        }
        strings.clear();

        // ---- totals and table 1
        int stringCls = findClass("java.lang.String");
        int strValueSlot = -1;
        if (stringCls >= 0) {
            ClassInfo sc = classes.get(stringCls);
            if (sc.refSlots != null)
                for (int s : sc.refSlots) if ("value".equals(slotField.get(s))) strValueSlot = s;
        }
        long total = 0, noRef = 0, noRefRoots = 0;
        long[] clsBytes = new long[classes.size()], clsCount = new long[classes.size()];
        LongIntMap t1map = new LongIntMap(1 << 16);
        List<Row> t1rows = new ArrayList<>();
        Map<Key2, Row> t2map = new HashMap<>();
        long t2bytes = 0, t2count = 0;
        chainMemo = new int[n];
        for (int s = 0; s < n; s++) {
            long bytes = size8[s] * 8L;
            total += bytes;
            clsBytes[cls[s]] += bytes; clsCount[cls[s]]++;
            if (firstRef[s] < 0) { noRef++; if (rootType[s] != 0) noRefRoots++; }
            int e = s, cnt = 1;
            if (strValueSlot >= 0 && firstRef[s] >= 0 && refSlot[s] == strValueSlot) { e = firstRef[s]; cnt = 0; }
            int r0 = firstRef[e];
            int slot = r0 >= 0 ? refSlot[e] : rootSlot(e);
            long key = ((long) slot << 32) | (cls[e] & 0xffffffffL);
            int ri = t1map.get(key);
            if (ri < 0) {
                ri = t1rows.size();
                t1rows.add(new Row(slotDesc.get(slot) + " -> " + simpleName(classes.get(cls[e]).name)));
                t1map.put(key, ri);
            }
            Row row = t1rows.get(ri);
            row.bytes += bytes; row.count += cnt;

            // table 2: held by arrays / JDK collection internals -> walk up to the real owner
            if (r0 < 0 || !classes.get(cls[r0]).walk) continue;
            String hopField = slotField.get(refSlot[e]);
            int hop = hopField == null ? -1 : refSlot[e];
            int cur = climb(r0);
            int levels = 1, owner, guard = 0;
            boolean cut = false;
            while (true) {
                int p = firstRef[cur];
                if (p < 0) { owner = rootSlot(cur); break; }
                if (classes.get(cls[p]).walk && guard++ < 64) {
                    if (levels >= DEPTH) { owner = refSlot[cur]; cut = true; break; }
                    levels++;
                    cur = climb(p);
                    continue;
                }
                owner = refSlot[cur];
                cut = guard > 64;
                break;
            }
            Key2 k2 = new Key2(cut ? -2 - owner : owner, cls[cur], hop < 0 ? -1 : hop, cls[e]);
            Row r2 = t2map.get(k2);
            if (r2 == null) {
                String hopName = hop < 0 ? "" : ":" + slotField.get(hop);
                r2 = new Row((cut ? "[walk stopped after " + DEPTH + " levels] " : "") + slotDesc.get(owner) + " -> (" + collName(classes.get(cls[cur]).name) + hopName + ") -> "
                        + simpleName(classes.get(cls[e]).name));
                t2map.put(k2, r2);
            }
            r2.bytes += bytes; r2.count += cnt;
            t2bytes += bytes; t2count += cnt;
        }
        chainMemo = null;
        // merge table-2 rows that differ only by hop slot id but have the same text
        Map<String, Row> t2text = new HashMap<>();
        for (Row r : t2map.values()) {
            Row m = t2text.computeIfAbsent(r.desc, Row::new);
            m.bytes += r.bytes; m.count += r.count;
        }
        Map<String, Row> t1text = new HashMap<>();
        for (Row r : t1rows) {
            Row m = t1text.computeIfAbsent(r.desc, Row::new);
            m.bytes += r.bytes; m.count += r.count;
        }
        long t4 = System.nanoTime();
        if (DEBUG_MISSING) missingBySlot.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(30)
                .forEach(en -> System.out.printf("missing target via %s: %d%n", en.getKey(), en.getValue()));

        // ---- output
        System.out.printf("File: %s (%.1f MB, %s, %d-byte ids, %d heap dump record(s))%n", path, fileSize / 1048576.0, version, ID, heapRecords);
        System.out.printf("Model: instance header %d B, array header %d B, reference %d B, 8-byte alignment%n",
                OBJ_HEADER, ARR_HEADER, REF);
        System.out.printf("Objects: %,d   total shallow size: %.1f MB (%,d bytes)   classes: %,d%n",
                n, total / 1048576.0, total, classes.size());
        if (BFS) {
            System.out.printf("Owner rule: parent on a breadth-first path from the GC roots (-Dhprof.parent=bfs)%n");
            System.out.printf("Objects with no referrer at all: %,d;  BFS tree roots: %,d  (%,d reported GC roots, %,d unreachable from them, seeded in address order)%n",
                    noIncoming, noRef, noRefRoots, noRef - noRefRoots);
        } else {
            System.out.printf("Owner rule: first referrer in file order%n");
            System.out.printf("Objects with no referrer (roots): %,d  (%,d of them are reported GC roots, %,d have no referrer and no root record)%n",
                    noRef, noRefRoots, noRef - noRefRoots);
        }
        System.out.printf("Root records: %,d   references to ids not in dump: %,d   self references: %,d   instance size mismatches: %,d%n",
                rootRecords, missingRefs, selfRefs, sizeMismatch);
        System.out.printf("Time: pass1 %.1fs, pass2 %.1fs, aggregation %.1fs, total %.1fs%n",
                (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9);

        if (CLASS_ROWS > 0) {
            List<Row> cr = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++)
                if (clsCount[i] > 0) { Row r = new Row(String.format("%,14d B  %s", clsBytes[i], classes.get(i).name)); r.bytes = clsBytes[i]; r.count = clsCount[i]; cr.add(r); }
            printTable("Top " + CLASS_ROWS + " classes by shallow size (compare with jcmd GC.class_histogram)", cr, CLASS_ROWS, total, n);
        }
        printTable("Table 1: memory by " + (BFS ? "BFS parent" : "first referrer") + "  (ownerClass.field -> objectClass; String includes its value array)",
                new ArrayList<>(t1text.values()), TOP, total, n);
        printTable("Table 2: objects held by arrays / JDK collections, owner walked up through up to " + DEPTH
                        + " collection levels  (owner -> (collection[:field in element holder]) -> objectClass)",
                new ArrayList<>(t2text.values()), TOP, t2bytes, t2count);
    }

    static void bfs() {
        int[] queue = new int[n];
        java.util.BitSet seen = new java.util.BitSet(n);
        int qh = 0, qt = 0;
        for (int i = 0; i < rootN; i++) {
            int s = rootOrder[i];
            if (!seen.get(s)) { seen.set(s); queue[qt++] = s; }
        }
        int next = 0;
        while (true) {
            while (qh < qt) {
                int o = queue[qh++];
                int st = eStart[o], en = st + eCnt[o];
                for (int k = st; k < en; k++) {
                    int t = eT[k];
                    if (!seen.get(t)) {
                        seen.set(t);
                        firstRef[t] = o; refSlot[t] = eS[k];
                        queue[qt++] = t;
                    }
                }
            }
            // objects not reachable from the reported roots: seed the rest in address order
            next = seen.nextClearBit(next);
            if (next >= n) break;
            seen.set(next);
            queue[qt++] = next;
        }
    }

    static void printTable(String title, List<Row> rows, int top, long totBytes, long totCount) {
        rows.sort((a, b) -> Long.compare(b.bytes, a.bytes));
        System.out.println();
        System.out.println("=== " + title);
        System.out.printf("    rows: %,d   total: %.1f MB, %,d objects%n", rows.size(), totBytes / 1048576.0, totCount);
        System.out.printf("%10s %12s  %s%n", "MB", "objects", "owner");
        for (int i = 0; i < Math.min(top, rows.size()); i++) {
            Row r = rows.get(i);
            System.out.printf("%10.1f %12d  %s%n", r.bytes / 1048576.0, r.count, r.desc);
        }
    }
}
