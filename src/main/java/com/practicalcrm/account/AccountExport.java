package com.practicalcrm.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.repository.AccountDataRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Download my data": everything stored about the account as one JSON file (UTF-8), fields documented in the
 * README ("Download my data"). No password hash, 2FA secret, recovery code, token, link or session key is in it.
 */
@Service
public class AccountExport {

    public static final String FORMAT = "practicalcrm-account-export";
    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ReauthenticationService reauthentication;
    private final AccountDataRepository repository;
    private final SecurityEventService events;
    private final Clock clock;

    public AccountExport(ReauthenticationService reauthentication, AccountDataRepository repository,
                         SecurityEventService events, Clock clock) {
        this.reauthentication = reauthentication;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The file's name as the browser saves it. */
    public static String fileName() {
        return "practicalcrm-my-data.json";
    }

    /**
     * @return the JSON file, UTF-8; the download is recorded as a security event first, so it is in the file
     * @throws ConfirmationRequiredException unless the user confirmed it's them within the window
     */
    @Transactional
    public byte[] export(UserId userId, ClientInfo client) {
        reauthentication.requireRecentConfirmation(userId);
        events.record(userId, SecurityEventType.ACCOUNT_DATA_EXPORTED, client);
        Map<String, Object> data = repository.export(userId)
                .orElseThrow(() -> new IllegalStateException("The account no longer exists"));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("version", VERSION);
        file.put("exportedAt", clock.instant().toString());
        file.putAll(data);
        return JSON.writeValueAsString(file).getBytes(StandardCharsets.UTF_8);
    }
}
