#!/usr/bin/env bash
# Runs a command beside a real Dovecot on 127.0.0.1, made for this run only:
# IMAP (implicit TLS and STARTTLS), SMTP submission (STARTTLS, AUTH, relaying
# to a sink the test starts) and LMTP (how the test's "company" delivers into
# the mailbox). The certificate comes from a CA made here, the user from a
# passwd-file made here; everything lives in one temporary folder and goes
# away, with the server, when the command ends.
#
#   scripts/with-dovecot.sh go test ./mail/...
#
# Exports for the command:
#   PRAVA_TEST_IMAP_ADDR   host:port, IMAP with implicit TLS
#   PRAVA_TEST_IMAP_STARTTLS_ADDR  host:port, IMAP with STARTTLS
#   PRAVA_TEST_SMTP_ADDR   host:port, submission with STARTTLS
#   PRAVA_TEST_SMTPS_ADDR  host:port, submission with implicit TLS
#   PRAVA_TEST_LMTP_ADDR   host:port, LMTP (no auth, loopback only)
#   PRAVA_TEST_SINK_ADDR   host:port where submission relays to: the test listens here
#   PRAVA_TEST_MAIL_USER / PRAVA_TEST_MAIL_PASSWORD   the mailbox's login
#   PRAVA_TEST_MAIL_CA     PEM file of the CA that signed the server certificate
#   PRAVA_TEST_MAIL_HOME   the mailbox's home (Maildir inside), for the benchmark to fill
#   PRAVA_REQUIRE_MAIL=1   so the mail tests fail, not skip, if any of this is missing
# Needs: dovecot-imapd dovecot-submissiond dovecot-lmtpd openssl (scripts/setup.sh test).
set -euo pipefail

for bin in dovecot doveadm openssl; do
  command -v "$bin" >/dev/null 2>&1 || {
    echo "with-dovecot: $bin is missing; install dovecot-imapd dovecot-submissiond dovecot-lmtpd openssl" >&2
    exit 1
  }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/prava-dovecot.XXXXXX")
chmod 755 "$dir"
dovecot_pid=""
cleanup() {
  if [ -n "$dovecot_pid" ]; then
    doveadm -c "$dir/dovecot.conf" stop >/dev/null 2>&1 || kill "$dovecot_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$dovecot_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

# free_port prints a TCP port on 127.0.0.1 that nothing listens on now.
taken=" "
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    case "$taken" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      taken="$taken$p "
      echo "$p"
      return
    fi
  done
  echo "with-dovecot: no free port found" >&2
  exit 1
}
imaps_port=$(free_port); taken="$taken$imaps_port "
imap_port=$(free_port); taken="$taken$imap_port "
sub_port=$(free_port); taken="$taken$sub_port "
subs_port=$(free_port); taken="$taken$subs_port "
lmtp_port=$(free_port); taken="$taken$lmtp_port "
sink_port=$(free_port); taken="$taken$sink_port "
# The tests listen here for Dovecot's questions about OAuth tokens, as
# Microsoft's user-info endpoint answers them.
oauth_port=$(free_port); taken="$taken$oauth_port "

# A CA and a server certificate for 127.0.0.1 and localhost.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Prava test CA" \
  -keyout "$dir/ca.key" -out "$dir/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$dir/ext.cnf"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
  -days 2 -extfile "$dir/ext.cnf" -out "$dir/server.pem" 2>/dev/null

# As root, Dovecot's master stays root and the mail processes run as nobody;
# as anyone else, everything runs as that user (Dovecot's rootless mode).
if [ "$(id -u)" -eq 0 ]; then
  mail_uid=$(id -u nobody); mail_gid=$(id -g nobody)
  login_user=dovenull; internal_user=dovecot
  id dovenull >/dev/null 2>&1 || login_user=nobody
  id dovecot >/dev/null 2>&1 || internal_user=nobody
else
  mail_uid=$(id -u); mail_gid=$(id -g)
  login_user=$(id -un); internal_user=$(id -un)
fi
mkdir -p "$dir/run" "$dir/state" "$dir/home"
chown "$mail_uid:$mail_gid" "$dir/home"
user="person@example.test"
password="prava-test-$RANDOM$RANDOM"
echo "$user:{PLAIN}$password:$mail_uid:$mail_gid::$dir/home/$user" >"$dir/passwd"
chmod 644 "$dir/passwd"

cat >"$dir/oauth2.conf.ext" <<EOF
introspection_mode = auth
introspection_url = http://127.0.0.1:$oauth_port/me
username_attribute = mail
EOF

cat >"$dir/dovecot.conf" <<EOF
protocols = imap submission lmtp
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
hostname = localhost
postmaster_address = postmaster@example.test
default_login_user = $login_user
default_internal_user = $internal_user
first_valid_uid = 1
mail_location = maildir:~/Maildir
ssl = yes
ssl_cert = <$dir/server.pem
ssl_key = <$dir/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login xoauth2
# XOAUTH2 logins (Outlook.com's and Gmail's only way in): Dovecot asks the
# test's user-info endpoint about the bearer token, as it would ask
# Microsoft Graph's /me; passwords go to the passwd file below.
passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = $dir/oauth2.conf.ext
}
passdb {
  driver = passwd-file
  args = username_format=%u $dir/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/passwd
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
service submission-login {
  inet_listener submission {
    address = 127.0.0.1
    port = $sub_port
  }
  inet_listener submissions {
    address = 127.0.0.1
    port = $subs_port
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
}
recipient_delimiter = +
lmtp_save_to_detail_mailbox = yes
protocol lmtp {
  auth_username_format = %u
}
submission_relay_host = 127.0.0.1
submission_relay_port = $sink_port
submission_relay_trusted = yes
submission_max_mail_size = 40M
EOF

dovecot -c "$dir/dovecot.conf"
dovecot_pid=$(cat "$dir/run/master.pid" 2>/dev/null || true)
# Wait until IMAP answers (at most 10 s).
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$imaps_port") 2>/dev/null; then break; fi
  sleep 0.1
done
[ -n "$dovecot_pid" ] || dovecot_pid=$(cat "$dir/run/master.pid")
if ! (exec 3<>"/dev/tcp/127.0.0.1/$imaps_port") 2>/dev/null; then
  echo "with-dovecot: Dovecot did not start; its log:" >&2
  cat "$dir/dovecot.log" >&2 || true
  exit 1
fi

export PRAVA_TEST_IMAP_ADDR="127.0.0.1:$imaps_port"
export PRAVA_TEST_IMAP_STARTTLS_ADDR="127.0.0.1:$imap_port"
export PRAVA_TEST_SMTP_ADDR="127.0.0.1:$sub_port"
export PRAVA_TEST_SMTPS_ADDR="127.0.0.1:$subs_port"
export PRAVA_TEST_LMTP_ADDR="127.0.0.1:$lmtp_port"
export PRAVA_TEST_SINK_ADDR="127.0.0.1:$sink_port"
export PRAVA_TEST_OAUTH_ADDR="127.0.0.1:$oauth_port"
export PRAVA_TEST_MAIL_USER="$user"
export PRAVA_TEST_MAIL_PASSWORD="$password"
export PRAVA_TEST_MAIL_CA="$dir/ca.pem"
export PRAVA_TEST_MAIL_HOME="$dir/home/$user"
export PRAVA_TEST_DOVECOT_LOG="$dir/dovecot.log"
export PRAVA_REQUIRE_MAIL=1

set +e
"$@"
rc=$?
set -e
if [ "$rc" -ne 0 ] && [ -s "$dir/dovecot.log" ]; then
  echo "with-dovecot: the command failed; the last lines of Dovecot's log:" >&2
  tail -n 30 "$dir/dovecot.log" >&2
fi
exit "$rc"
