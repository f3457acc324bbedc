package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The loader applies exactly sql/schema.sql: the build copies it, nobody keeps a second version. */
class SchemaResourceTest {

    @Test
    void classpathSchemaIsTheRepositorysSqlSchema() throws Exception {
        Path repoSchema = Path.of("..", "sql", "schema.sql");
        assertThat(SchemaInstaller.schemaSql()).isEqualTo(Files.readString(repoSchema));
    }
}
