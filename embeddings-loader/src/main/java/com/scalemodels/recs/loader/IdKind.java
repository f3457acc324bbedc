package com.scalemodels.recs.loader;

/** The two embedding tables: item ids are text (product codes), user ids are integers (customer numbers). */
public enum IdKind {
    ITEM("item_emb", "item_embeddings.csv"),
    USER("user_emb", "user_embeddings.csv");

    /** Longest item id, in characters: the column is varchar(64). */
    public static final int MAX_ITEM_ID_CHARS = 64;

    private final String liveTable;
    private final String fileName;

    IdKind(String liveTable, String fileName) {
        this.liveTable = liveTable;
        this.fileName = fileName;
    }

    /** The name readers use. */
    public String liveTable() {
        return liveTable;
    }

    /** Where a version's rows are staged; the format is fixed, the id comes from a database sequence. */
    String versionTable(int tableId) {
        return liveTable + "_v" + tableId;
    }

    public String fileName() {
        return fileName;
    }
}
