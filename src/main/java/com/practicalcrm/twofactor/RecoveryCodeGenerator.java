package com.practicalcrm.twofactor;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes the set of recovery codes a user receives when enabling 2FA or regenerating codes. */
final class RecoveryCodeGenerator {

    public static final int COUNT = 10;

    private final SecureRandom random;

    public RecoveryCodeGenerator(SecureRandom random) {
        this.random = random;
    }

    /** {@value #COUNT} distinct codes. */
    public List<RecoveryCode> generate() {
        // A repeat among 10 codes of 59 bits is practically impossible, but a list of "10 codes" showing the same
        // code twice would be one code fewer, so draw until there are 10 distinct ones.
        Map<String, RecoveryCode> codes = new LinkedHashMap<>();
        while (codes.size() < COUNT) {
            RecoveryCode code = RecoveryCode.random(random);
            codes.putIfAbsent(code.canonical(), code);
        }
        return List.copyOf(codes.values());
    }
}
