#!/bin/sh
# A small, real CPU workload standing in for a model server: it scores 100 requests with a linear model of 200,000
# weights (one dot product each) and prints the mean score. POSIX sh and awk only, so it runs anywhere the tests do.
# `cradle measure --requests 100 -- sh examples/measure/workload.sh` turns its energy into energy per request.
exec awk 'BEGIN {
    srand(42)
    n = 200000
    for (i = 0; i < n; i++) weight[i] = rand() - 0.5
    total = 0
    for (request = 0; request < 100; request++) {
        score = 0
        for (i = 0; i < n; i++) score += weight[i] * sin(request + i)
        total += score
    }
    printf "scored 100 requests, mean score %.6f\n", total / 100
}'
