package com.scalemodels.recs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The local MariaDB answers to the MySQL driver on a jdbc:mysql:// URL, which is what Spark needs. */
class LocalMariaDbIT {

    @Test
    void mysqlDriverTalksToMariaDb() throws SQLException {
        JdbcSettings mariadb = LocalDatabases.mariadb();
        assertThat(mariadb.url()).startsWith("jdbc:mysql://");
        String db = "foundation_it_" + ProcessHandle.current().pid();

        try (Connection conn = mariadb.connect(); Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + db);
            try {
                st.execute("CREATE TABLE " + db + ".ratings (customerNumber INT, productCode VARCHAR(15), "
                        + "productRating INT, PRIMARY KEY (customerNumber, productCode))");
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + db + ".ratings VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= 5; i++) {
                        ps.setInt(1, 100 + i);
                        ps.setString(2, "S10_" + (1000 + i));
                        ps.setInt(3, i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (ResultSet rs = st.executeQuery("SELECT VERSION(), SUM(productRating), COUNT(*) FROM " + db + ".ratings")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).containsIgnoringCase("mariadb");
                    assertThat(rs.getInt(2)).isEqualTo(15);
                    assertThat(rs.getInt(3)).isEqualTo(5);
                }
            } finally {
                st.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }
}
