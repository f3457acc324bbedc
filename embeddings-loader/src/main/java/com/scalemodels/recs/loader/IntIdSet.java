package com.scalemodels.recs.loader;

/**
 * Set of int ids with the line each was first seen on, in two primitive arrays (open addressing, linear probing):
 * a million user ids cost about 16 MB and no objects.
 */
final class IntIdSet {

    private int[] keys;
    private int[] lines;
    private boolean[] used;
    private int size;

    IntIdSet() {
        this(1 << 10);
    }

    IntIdSet(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        keys = new int[c];
        lines = new int[c];
        used = new boolean[c];
    }

    /** Adds the id; returns 0 if it was new, else the line it was first seen on. */
    int addOrGetLine(int id, int line) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(id) & mask;
        while (used[i]) {
            if (keys[i] == id) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = id;
        lines[i] = line;
        size++;
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldLines = lines;
        boolean[] oldUsed = used;
        keys = new int[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                addOrGetLine(oldKeys[i], oldLines[i]);
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
