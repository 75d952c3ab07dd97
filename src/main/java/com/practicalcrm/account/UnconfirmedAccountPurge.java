package com.practicalcrm.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes accounts whose address was not confirmed within 7 days. Every instance runs it; the delete is
 * idempotent, so running it on several instances at once only repeats work.
 */
@Component
class UnconfirmedAccountPurge {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedAccountPurge.class);

    private final SignUpService signUps;

    UnconfirmedAccountPurge(SignUpService signUps) {
        this.signUps = signUps;
    }

    @Scheduled(cron = "${practicalcrm.accounts.purge-cron:0 35 3 * * *}")
    void purge() {
        int deleted = signUps.purgeUnconfirmedAccounts();
        if (deleted > 0) {
            log.info("Deleted {} accounts whose address was not confirmed within {} days", deleted,
                    SignUpService.UNCONFIRMED_ACCOUNT_LIFETIME.toDays());
        }
    }
}
