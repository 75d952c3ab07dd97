package com.practicalcrm.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.repository.UserRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UnsafeCharacters;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.PasswordPolicy;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

/** Accounts: creating them and reading the profile. */
@Service
public class UserService {

    public static final int MAX_NAME_LENGTH = 100;
    static final String UNSAFE_NAME = "Your name cannot contain line breaks, tabs, other control characters or "
            + "hidden text-direction marks. Type it again using letters, spaces and punctuation only.";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SecurityEventService events;
    private final Clock clock;

    public UserService(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                       SecurityEventService events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account whose address counts as confirmed, so it can sign in at once: for the demo account of the
     * embedded database and for test fixtures. People creating an account go through
     * {@link com.practicalcrm.account.SignUpService}, which proves the address first.
     *
     * @throws IllegalArgumentException   with a message for the person when the name or email is not valid
     * @throws PasswordRejectedException  when the password breaks the password rules
     * @throws EmailAlreadyInUseException when the address belongs to another account, whatever its case
     */
    @Transactional
    public UserId register(String fullName, String email, String password, ClientInfo client) {
        String name = validName(fullName);
        EmailAddress address = EmailAddress.of(email);
        PasswordCheck check = checkPassword(password, name, address.value());
        if (!check.acceptable()) {
            throw new PasswordRejectedException(check.message());
        }
        if (users.existsByEmail(address)) {
            throw new EmailAlreadyInUseException();
        }
        Instant now = clock.instant();
        UserId id = users.insert(name, address, passwordEncoder.encode(password), now, now);
        events.record(id, SecurityEventType.ACCOUNT_CREATED, client);
        return id;
    }

    /** The password rules with the user's own name and address as words to avoid; for live feedback. */
    public PasswordCheck checkPassword(String password, String fullName, String email) {
        return passwordPolicy.check(password, List.of(fullName == null ? "" : fullName, email == null ? "" : email));
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public Optional<UserProfile> findProfile(UserId id) {
        return users.findProfile(id);
    }

    @Transactional(readOnly = true)
    public Optional<UserProfile> findProfileByEmail(String email) {
        if (!EmailAddress.isValidInput(email)) {
            return Optional.empty();
        }
        return users.findProfileByEmail(EmailAddress.of(email));
    }

    /**
     * The name as it is stored: trimmed, runs of spaces made one. Refused when empty, too long, or holding
     * control characters (line breaks, tabs...) or text-direction marks, which could make it read differently in
     * pages, mails and logs.
     *
     * @throws IllegalArgumentException with a message for the person
     */
    public static String validName(String fullName) {
        if (UnsafeCharacters.containsUnsafe(fullName)) {
            throw new IllegalArgumentException(UNSAFE_NAME);
        }
        String name = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Enter your full name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Use at most " + MAX_NAME_LENGTH + " characters for your name.");
        }
        return name;
    }
}
