#!/usr/bin/env bash
# Creates (or updates) the RabbitMQ user integrators connect as, and sets its permissions on the virtual host.
# The password is read from standard input (never an argument: arguments show in ps), and is never printed.
#
# Usage: integrator-user.sh [USER] [VHOST] <<<"$PASSWORD"      (defaults: integrator, /)
# Environment: RABBITMQCTL (rabbitmqctl), and whatever rabbitmqctl needs to reach the node (RABBITMQ_NODENAME,
#   ERL_EPMD_PORT, HOME for the Erlang cookie): the AppHost passes its node's.
#
# Permissions (RabbitMQ checks configure/write/read per AMQP method):
#   configure ^integrator\.   declare and delete its own queues and dead-letter exchange, nothing else;
#   write     ^integrator\.   queue.bind needs write on the queue (and read on the exchange); dead-lettering into
#                             its own exchange needs write there. No write on EmergencyOps.Contracts.* exchanges, so a
#                             basic.publish to an event exchange is refused with 403 ACCESS_REFUSED;
#   read      ^(EmergencyOps\.Contracts[.:].*|integrator\..*)$   bind from the event exchanges (and from
#                             EmergencyOps.Contracts:IIntegrationEvent, every event), consume its own queues.
set -euo pipefail
user="${1:-integrator}"
vhost="${2:-/}"
ctl="${RABBITMQCTL:-rabbitmqctl}"

password=""
IFS= read -r password || true
[ -n "$password" ] || { echo "[integrator-user] no password on standard input" >&2; exit 2; }

if "$ctl" -q list_users | awk '{print $1}' | grep -qxF -- "$user"; then
    printf '%s' "$password" | "$ctl" -q change_password "$user" >/dev/null
    echo "[integrator-user] password of $user updated"
else
    printf '%s' "$password" | "$ctl" -q add_user "$user" >/dev/null
    echo "[integrator-user] user $user created"
fi
"$ctl" -q set_permissions -p "$vhost" "$user" '^integrator\.' '^integrator\.' '^(EmergencyOps\.Contracts[.:].*|integrator\..*)$'
echo "[integrator-user] $user on vhost $vhost: configure/write ^integrator\\., read event exchanges and ^integrator\\."
