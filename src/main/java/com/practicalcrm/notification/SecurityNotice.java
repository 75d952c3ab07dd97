package com.practicalcrm.notification;

/**
 * The words of one kind of security notification.
 *
 * @param subject  the mail's subject
 * @param whatHappened one or two sentences about the change
 * @param ifNotYou what to do if the user did not do it
 */
record SecurityNotice(String subject, String whatHappened, String ifNotYou) {
}
