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
    private int[] hashes = new int[1 << 10];
    private int entries;
    /** Entry number + 1 per slot; 0 = empty. */
    private int[] table = new int[1 << 11];

    /** Adds the id; returns 0 if it was new, else the line it was first seen on. */
    int addOrGetLine(byte[] id, int length, int line) {
        int hash = hash(id, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            int e = table[slot] - 1;
            if (hashes[e] == hash && sameBytes(e, id, length)) {
                return entryLines[e];
            }
            slot = (slot + 1) & mask;
        }
        int e = store(id, length, line, hash);
        table[slot] = e + 1;
        if (entries * 2 > table.length) {
            rehash();
        }
        return 0;
    }

    int size() {
        return entries;
    }

    private int store(byte[] id, int length, int line, int hash) {
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        if (entries + 1 >= offsets.length) {
            int n = offsets.length * 2;
            offsets = Arrays.copyOf(offsets, n);
            entryLines = Arrays.copyOf(entryLines, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        System.arraycopy(id, 0, arena, arenaSize, length);
        offsets[entries] = arenaSize;
        arenaSize += length;
        offsets[entries + 1] = arenaSize;
        entryLines[entries] = line;
        hashes[entries] = hash;
        return entries++;
    }

    private boolean sameBytes(int e, byte[] id, int length) {
        int start = offsets[e];
        return offsets[e + 1] - start == length && Arrays.equals(arena, start, start + length, id, 0, length);
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int e = 0; e < entries; e++) {
            int slot = hashes[e] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = e + 1;
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
