package com.practicalcrm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task many times in parallel, released together by a latch, for the race tests of the services. */
public final class Concurrently {

    private Concurrently() {
    }

    /** {@code calls} runs of {@code task}, one thread each, all released at once; their results in call order. */
    public static <T> List<T> run(int calls, Callable<T> task) throws Exception {
        return run(calls, calls, task);
    }

    /**
     * {@code calls} runs of {@code task} on {@code threads} threads (fewer when each call is expensive, e.g. an
     * Argon2 hash): the first {@code threads} start together, the rest as threads become free.
     */
    public static <T> List<T> run(int calls, int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
