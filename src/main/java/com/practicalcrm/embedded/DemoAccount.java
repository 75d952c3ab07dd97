package com.practicalcrm.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import com.practicalcrm.account.UserService;
import com.practicalcrm.common.ClientInfo;

/**
 * On the embedded database only: creates a demo account at first start so a newcomer can sign in at once,
 * and prints its credentials (also listed in the README).
 */
class DemoAccount implements ApplicationRunner {

    static final String NAME = "Dana Demo";
    static final String EMAIL = "demo@practicalcrm.example";
    static final String PASSWORD = "orange-kettle-harbor-71";

    private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);

    private final UserService users;

    DemoAccount(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findProfileByEmail(EMAIL).isEmpty()) {
            users.register(NAME, EMAIL, PASSWORD, ClientInfo.UNKNOWN);
            log.info("Created the demo account: email {} password {}", EMAIL, PASSWORD);
        } else {
            log.info("Demo account: email {} password {} (unless you changed it)", EMAIL, PASSWORD);
        }
    }
}
