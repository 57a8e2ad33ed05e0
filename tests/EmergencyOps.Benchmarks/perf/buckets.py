#!/usr/bin/env python3
"""Where a .NET service's CPU goes, from `perf script -F comm,tid,ip,sym,dso` of a `perf record -g` with perf maps.

Each sample is charged to the innermost frame (from the leaf up) that belongs to a known area, so time spent in the
runtime or the C library on behalf of EF Core is EF Core's; a sample with no such frame is charged to its leaf's module.
Usage: python3 buckets.py perf.script   (see ../README.md, "CPU profile with perf")
"""
import collections
import re
import sys

AREAS = [
    ("thread pool, idle workers spinning", r"LowLevelLifoSemaphore"),
    ("SQLite through Microsoft.Data.Sqlite", r"Microsoft\.Data\.Sqlite|SQLitePCL"),
    ("EF Core: query parameters and cache keys", r"ExpressionTreeFuncletizer|ExpressionEqualityComparer|CompiledQueryCache"),
    ("EF Core: SaveChanges and change tracking", r"EntityFrameworkCore\.Update|ChangeTracking|StateManager|SaveChanges"),
    ("EF Core: the rest (commands, readers, interceptors)", r"EntityFrameworkCore"),
    ("compiled expressions and delegates", r"System\.Linq\.Expressions|DynamicMethod|lambda_method"),
    ("MassTransit and RabbitMQ (outbox publish)", r"MassTransit|RabbitMQ"),
    ("System.Text.Json", r"System\.Text\.Json"),
    ("authentication and authorization", r"IdentityModel|Authentication|Authorization|Security\.Claims"),
    ("Kestrel and sockets", r"Kestrel|System\.Net\.Sockets|System\.IO\.Pipelines"),
    ("ASP.NET Core (routing, filters, results)", r"AspNetCore"),
    ("logging, metrics and tracing", r"Microsoft\.Extensions\.Logging|OpenTelemetry|Diagnostics"),
    ("dependency injection", r"DependencyInjection"),
    ("the service's own code", r"Inventory\.API|Warnings\.API|Hazards\.API|Shelters\.API|Webhooks\.API|Identity\.API|EmergencyOps\."),
    ("tasks and threading", r"System\.Threading"),
    ("other base library code", r"System\.Private\.CoreLib"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in AREAS]
FRAME = re.compile(r"\s+[0-9a-f]+ (.*) \((.*)\)$")


def area(frames):
    for symbol, _ in frames:
        for name, pattern in COMPILED:
            if pattern.search(symbol):
                return name
    return "native, no managed caller: " + frames[0][1].rsplit("/", 1)[-1]


def main(path):
    counts, total, frames = collections.Counter(), 0, []
    with open(path, errors="replace") as lines:
        for line in lines:
            if line.startswith("\t"):
                if match := FRAME.match(line.rstrip()):
                    frames.append((match.group(1), match.group(2)))
                continue
            if frames:
                counts[area(frames)] += 1
                total += 1
            frames = []
    if frames:
        counts[area(frames)] += 1
        total += 1
    print(f"{total} samples")
    for name, count in counts.most_common():
        print(f"{100 * count / total:6.2f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
