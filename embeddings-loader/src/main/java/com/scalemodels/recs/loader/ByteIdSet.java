package com.scalemodels.recs.loader;

import java.util.Arrays;

/**
 * Set of short byte-string ids (UTF-8 item ids) with the line each was first seen on. The bytes live in one
 * growing arena and the hash table holds entry numbers, so a million ids cost their bytes plus a few ints each,
 * not a million String objects.
 */
final class ByteIdSet {

    private byte[] arena = new byte[1 << 16];
    private int arenaSize;
    private int[] offsets = new int[1 << 10];
    private int[] entryLines = new int[1 << 10];
    private int entries;
    /**
     * Per slot: the id's hash in the high half and its entry number + 1 in the low half; 0 = empty. Keeping the hash
     * in the slot means a probe for a new id (nearly every call) touches one cache line, not three.
     */
    private long[] table = new long[1 << 11];

    /** Adds the id; returns 0 if it was new, else the line it was first seen on. */
    int addOrGetLine(byte[] id, int length, int line) {
        int hash = hash(id, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        for (long s = table[slot]; s != 0; s = table[slot]) {
            int e = (int) s - 1;
            if ((int) (s >>> 32) == hash && sameBytes(e, id, length)) {
                return entryLines[e];
            }
            slot = (slot + 1) & mask;
        }
        int e = store(id, length, line);
        table[slot] = ((long) hash << 32) | (e + 1);
        if (entries * 2 > table.length) {
            rehash();
        }
        return 0;
    }

    int size() {
        return entries;
    }

    private int store(byte[] id, int length, int line) {
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        if (entries + 1 >= offsets.length) {
            int n = offsets.length * 2;
            offsets = Arrays.copyOf(offsets, n);
            entryLines = Arrays.copyOf(entryLines, n);
        }
        System.arraycopy(id, 0, arena, arenaSize, length);
        offsets[entries] = arenaSize;
        arenaSize += length;
        offsets[entries + 1] = arenaSize;
        entryLines[entries] = line;
        return entries++;
    }

    private boolean sameBytes(int e, byte[] id, int length) {
        int start = offsets[e];
        return offsets[e + 1] - start == length && Arrays.equals(arena, start, start + length, id, 0, length);
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long s : old) {
            if (s != 0) {
                int slot = (int) (s >>> 32) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = s;
            }
        }
    }

    private static int hash(byte[] b, int length) {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
