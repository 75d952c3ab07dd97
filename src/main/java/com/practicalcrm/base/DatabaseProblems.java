package com.practicalcrm.base;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** Tells a database outage apart from other failures, so users get the right friendly message. */
public final class DatabaseProblems {

    private DatabaseProblems() {
    }

    public static boolean isDatabaseProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }
}
