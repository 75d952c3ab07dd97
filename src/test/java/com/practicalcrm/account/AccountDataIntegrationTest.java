package com.practicalcrm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.ConfirmedActions;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.twofactor.TwoFactorService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Download my data and Delete account on a fully loaded account, on MariaDB. */
@PracticalCrmTest
class AccountDataIntegrationTest {

    /** Every table a user column: found in the schema, so that a new table cannot be forgotten. */
    private static final String USER_TABLES = "SELECT TABLE_NAME FROM information_schema.COLUMNS "
            + "WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'user_id' ORDER BY TABLE_NAME";
    /** Columns that hold something secret or a hash of it, in those tables and app_user. */
    private static final String SECRET_COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c "
            + "WHERE c.TABLE_SCHEMA = DATABASE() AND (c.COLUMN_NAME LIKE '%hash%' OR c.COLUMN_NAME LIKE '%secret%' "
            + "OR c.COLUMN_NAME LIKE '%token%' OR c.COLUMN_NAME LIKE '%key%' OR c.COLUMN_NAME LIKE '%handle%' "
            + "OR c.COLUMN_NAME = 'credential_id') "
            + "AND (c.TABLE_NAME = 'app_user' OR EXISTS (SELECT 1 FROM information_schema.COLUMNS u "
            + "WHERE u.TABLE_SCHEMA = c.TABLE_SCHEMA AND u.TABLE_NAME = c.TABLE_NAME AND u.COLUMN_NAME = 'user_id'))";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountExport export;
    @Autowired
    AccountDeletion deletion;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;

    LoadedAccount loadedAccount;

    @BeforeEach
    void setUp() {
        loadedAccount = new LoadedAccount(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void exportHoldsTheDocumentedFieldsAndTheAvatarAsBase64() {
        LoadedAccount.Loaded account = loadedAccount.create("Exporting Person");

        JsonNode file = JsonMapper.builder().build().readTree(new String(confirmed(account, () -> export.export(account.id(),
                LoadedAccount.CLIENT)), StandardCharsets.UTF_8));

        assertThat(file.get("format").asString()).isEqualTo("practicalcrm-account-export");
        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("profile").get("email").asString()).isEqualTo(account.email().value());
        assertThat(file.get("profile").get("fullName").asString()).isEqualTo("Exporting Person");
        byte[] picture = Base64.getDecoder().decode(file.get("avatar").get("imageBase64").asString());
        assertThat(picture).startsWith((byte) 0xFF, (byte) 0xD8); // the stored JPEG
        assertThat(file.get("twoFactor").get("enabled").asBoolean()).isTrue();
        assertThat(file.get("twoFactor").get("recoveryCodesLeft").asInt()).isEqualTo(9);
        assertThat(file.get("twoFactor").get("recoveryCodesUsed").asInt()).isEqualTo(1);
        assertThat(file.get("pendingEmailChange").get("newEmail").asString()).startsWith("new-");
        assertThat(file.get("sessions")).hasSize(2);
        assertThat(file.get("trustedBrowsers")).hasSize(1);
        assertThat(file.get("trustedBrowsers").get(0).get("browser").asString()).isEqualTo("Firefox 140 on Linux");
        assertThat(file.get("knownBrowsers")).hasSize(2);
        assertThat(file.get("newSignInAlerts")).hasSize(1);
        assertThat(file.get("passkeys")).hasSize(1);
        assertThat(file.get("passkeys").get(0).get("label").asString()).isEqualTo("Work laptop");
        assertThat(file.get("passkeys").get(0).get("synced").asBoolean()).isTrue();
        List<String> eventTypes = new ArrayList<>();
        file.get("securityEvents").forEach(event -> eventTypes.add(event.get("type").asString()));
        assertThat(eventTypes).contains("ACCOUNT_CREATED", "TWO_FACTOR_ENABLED", "RECOVERY_CODE_USED",
                "TRUSTED_BROWSER_ADDED", "NEW_DEVICE_SIGN_IN", "ACCOUNT_DATA_EXPORTED");
    }

    @Test
    void exportContainsNoStoredHashTokenOrSecretOfTheAccount() {
        LoadedAccount.Loaded account = loadedAccount.create("Careful Exporter");
        String file = new String(confirmed(account, () -> export.export(account.id(), LoadedAccount.CLIENT)),
                StandardCharsets.UTF_8);

        Map<String, List<String>> stored = storedSecrets(account);
        assertThat(stored.keySet()).as("the scan looks at every kind of stored secret").contains(
                "app_user.password_hash", "two_factor_credential.encrypted_secret", "recovery_code.code_hash",
                "email_change.token_hash", "password_reset_token.token_hash", "account_confirmation.token_hash",
                "user_session.session_key", "trusted_browser.token_hash", "known_device.device_hash",
                "sign_in_alert.token_hash", "passkey_user.user_handle", "passkey_credential.credential_id",
                "passkey_credential.public_key");
        stored.forEach((column, values) -> {
            assertThat(values).as(column).isNotEmpty();
            values.removeIf(String::isEmpty);
            values.forEach(value -> assertThat(file).as("%s in the export", column).doesNotContain(value));
        });
        account.secretsHandedOut().forEach(secret -> assertThat(file).doesNotContain(secret));
    }

    @Test
    void deletionLeavesNoRowOfTheAccountInAnyTableAndMailsTheOwner() {
        LoadedAccount.Loaded account = loadedAccount.create("Leaving Person");
        LoadedAccount.Loaded bystander = loadedAccount.create("Staying Person");
        List<String> userTables = jdbc.queryForList(USER_TABLES, String.class);
        Map<String, Integer> before = rowsPerTable(userTables, account);
        assertThat(before).as("the fixture fills every table with a user column; fill a new one in LoadedAccount "
                + "and make sure export and deletion cover it").allSatisfy((table, rows) -> assertThat(rows)
                .as(table).isPositive());
        assertThat(throttleRows(account)).isPositive();

        ConfirmedActions.run(account.id(), account.email().value(), clock,
                () -> deletion.delete(account.id(), "  " + account.email().value().toUpperCase() + " "));

        assertThat(rowsPerTable(userTables, account)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE id = ?", Integer.class,
                account.id().value())).isZero();
        assertThat(throttleRows(account)).isZero();
        assertThat(rowsPerTable(userTables, bystander)).as("another account keeps everything")
                .isEqualTo(rowsPerTable(userTables, bystander)).allSatisfy((table, rows) -> assertThat(rows)
                        .as(table).isPositive());
        assertThat(MailTexts.text(TestMailServer.awaitMessageTo(greenMail, account.email().value(),
                "Your PracticalCRM account has been deleted"))).contains("has been deleted");
        System.out.println("Deletion covers: " + userTables + ", app_user and auth_throttle");
    }

    @Test
    void deletionWithTheWrongAddressDeletesNothing() {
        UserProfile user = accounts.create("Hesitant Person");

        accounts.actingAs(user, () -> {
            assertThatThrownBy(() -> deletion.delete(user.id(), "someone-else@test.example"))
                    .isInstanceOf(AccountDeletion.WrongEmailException.class)
                    .hasMessageContaining("not your account's email address");
            assertThatThrownBy(() -> deletion.delete(user.id(), ""))
                    .isInstanceOf(AccountDeletion.WrongEmailException.class);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE id = ?", Integer.class,
                user.id().value())).isOne();
    }

    @Test
    void deletionEndsEverySessionOfTheAccount() {
        UserProfile user = accounts.create("Signed In Leaver");
        HttpBrowserSession laptop = new HttpBrowserSession(port);
        laptop.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(laptop.isSignedIn()).isTrue();
        HttpBrowserSession phone = new HttpBrowserSession(port);
        phone.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(phone.isSignedIn()).isTrue();

        accounts.actingAs(user, () -> deletion.delete(user.id(), user.email().value()));

        assertThat(laptop.isSignedIn()).isFalse();
        assertThat(phone.isSignedIn()).isFalse();
    }

    @Test
    void exportAndDeletionNeedARecentConfirmItsYou() {
        UserProfile user = accounts.create("Unconfirmed Person");
        assertThatThrownBy(() -> export.export(user.id(), LoadedAccount.CLIENT))
                .isInstanceOf(ConfirmationRequiredException.class);
        assertThatThrownBy(() -> deletion.delete(user.id(), user.email().value()))
                .isInstanceOf(ConfirmationRequiredException.class);
        UserProfile other = accounts.create("Other Person");
        accounts.actingAs(other, () -> assertThatThrownBy(() -> deletion.delete(user.id(), user.email().value()))
                .as("another user's confirmation").isInstanceOf(ConfirmationRequiredException.class));
        ConfirmedActions.run(user.id(), user.email().value(), clock, () -> {
            clock.advance(java.time.Duration.ofMinutes(11));
            assertThatThrownBy(() -> deletion.delete(user.id(), user.email().value()))
                    .as("confirmed 11 minutes ago").isInstanceOf(ConfirmationRequiredException.class);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE id = ?", Integer.class,
                user.id().value())).isOne();
    }

    private <T> T confirmed(LoadedAccount.Loaded account, java.util.function.Supplier<T> action) {
        return ConfirmedActions.get(account.id(), account.email().value(), clock, action);
    }

    private Map<String, Integer> rowsPerTable(List<String> tables, LoadedAccount.Loaded account) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "` WHERE user_id = ?",
                    Integer.class, account.id().value()));
        }
        return rows;
    }

    private int throttleRows(LoadedAccount.Loaded account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM auth_throttle WHERE subject IN (?, ?)", Integer.class,
                account.email().value(), TwoFactorService.throttleSubject(account.id()));
    }

    /** Every stored secret value of the account, in each form it could take in a text file. */
    private Map<String, List<String>> storedSecrets(LoadedAccount.Loaded account) {
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        for (Map<String, Object> column : jdbc.queryForList(SECRET_COLUMNS)) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            String where = table.equals("app_user") ? "id" : "user_id";
            List<String> forms = new ArrayList<>();
            for (Object value : jdbc.queryForList("SELECT `" + name + "` FROM `" + table + "` WHERE " + where
                    + " = ?", Object.class, account.id().value())) {
                if (value instanceof byte[] bytes) {
                    forms.add(HexFormat.of().formatHex(bytes));
                    forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
                    forms.add(Base64.getEncoder().encodeToString(bytes));
                    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                } else if (value != null) {
                    forms.add(value.toString());
                }
            }
            secrets.put(table + "." + name, forms);
        }
        return secrets;
    }
}
