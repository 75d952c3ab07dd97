package com.practicalcrm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.practicalcrm.PracticalCrmTest;

/**
 * A read-only transaction is a hint to Spring, not two more statements for the database: the driver does not
 * switch the server session to read-only and back around it (the profile runs many single-SELECT reads).
 */
@PracticalCrmTest
class ReadOnlyTransactionsTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readOnlyTransactionSendsNoSessionSwitchToTheServer() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        Long serverReadOnly = readOnly.execute(status -> dsl.fetchSingle(
                "SELECT @@session.transaction_read_only").get(0, Long.class));

        assertThat(serverReadOnly).isZero();
    }
}
