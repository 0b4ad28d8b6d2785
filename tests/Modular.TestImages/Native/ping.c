/*
 * ping for the Podman-suite test image. Alpine's busybox (1.36, in Podman's test image)
 * falls back to an ICMP datagram socket when it lacks CAP_NET_RAW, which Podman 5 no
 * longer grants by default (net.ipv4.ping_group_range lets root's group use them);
 * Debian's busybox 1.35 has no such fallback. This program does only that: IPv4 echo
 * requests over SOCK_DGRAM (or SOCK_RAW when allowed), printed as busybox prints them.
 * Options: -c COUNT, -W SECONDS (wait for a reply), -q. Names come from /etc/hosts,
 * since a static glibc program cannot load the NSS modules.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int resolve(const char *name, struct in_addr *addr)
{
    char line[512];
    FILE *hosts;

    if (inet_pton(AF_INET, name, addr) == 1)
        return 0;
    hosts = fopen("/etc/hosts", "r");
    if (hosts == NULL)
        return -1;
    while (fgets(line, sizeof line, hosts) != NULL) {
        char *save = NULL, *ip = strtok_r(line, " \t\r\n", &save), *alias;
        if (ip == NULL || ip[0] == '#' || inet_pton(AF_INET, ip, addr) != 1)
            continue;
        while ((alias = strtok_r(NULL, " \t\r\n", &save)) != NULL) {
            if (strcmp(alias, name) == 0) {
                fclose(hosts);
                return 0;
            }
        }
    }
    fclose(hosts);
    return -1;
}

static int open_socket(int *raw)
{
    int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    *raw = fd >= 0;
    if (fd < 0 && errno == EPERM)
        fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    return fd;
}

static double now_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0;
}

/* Waits for the echo reply of sequence SEQ; returns its TTL, or -1 on timeout. */
static int await_reply(int fd, int raw, int seq, int wait_ms)
{
    unsigned char buf[1500];
    double deadline = now_ms() + wait_ms;

    for (;;) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        int left = (int)(deadline - now_ms());
        if (left <= 0 || poll(&pfd, 1, left) <= 0)
            return -1;
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        int offset = raw ? (buf[0] & 0x0f) * 4 : 0;
        if (n < offset + (ssize_t)sizeof(struct icmphdr))
            continue;
        struct icmphdr *reply = (struct icmphdr *)(buf + offset);
        if (reply->type == ICMP_ECHOREPLY && ntohs(reply->un.echo.sequence) == seq)
            return raw ? buf[8] : 64;
    }
}

int main(int argc, char **argv)
{
    int count = -1, wait_s = 10, quiet = 0, opt, raw, received = 0;
    struct sockaddr_in to = { .sin_family = AF_INET };
    double min = 0, max = 0, sum = 0;

    while ((opt = getopt(argc, argv, "c:W:q4")) != -1) {
        if (opt == 'c')
            count = atoi(optarg);
        else if (opt == 'W')
            wait_s = atoi(optarg);
        else if (opt == 'q')
            quiet = 1;
        else if (opt != '4')
            return 1;
    }
    if (optind >= argc) {
        fprintf(stderr, "Usage: ping [-c COUNT] [-W SEC] [-q] HOST\n");
        return 1;
    }
    const char *host = argv[optind];
    if (resolve(host, &to.sin_addr) != 0) {
        fprintf(stderr, "ping: bad address '%s'\n", host);
        return 1;
    }
    int fd = open_socket(&raw);
    if (fd < 0) {
        fprintf(stderr, "ping: permission denied (are you root?)\n");
        return 1;
    }
    printf("PING %s (%s): 56 data bytes\n", host, inet_ntoa(to.sin_addr));
    for (int seq = 0; count < 0 || seq < count; seq++) {
        unsigned char packet[sizeof(struct icmphdr) + 56] = { 0 };
        struct icmphdr *echo = (struct icmphdr *)packet;
        echo->type = ICMP_ECHO;
        echo->un.echo.sequence = htons(seq);
        echo->un.echo.id = htons(getpid() & 0xffff);
        if (raw) {
            unsigned sum16 = 0;
            for (size_t i = 0; i < sizeof packet; i += 2)
                sum16 += packet[i] << 8 | packet[i + 1];
            sum16 = (sum16 >> 16) + (sum16 & 0xffff);
            sum16 += sum16 >> 16;
            echo->checksum = htons(~sum16 & 0xffff);
        }
        double sent = now_ms();
        if (sendto(fd, packet, sizeof packet, 0, (struct sockaddr *)&to, sizeof to) < 0) {
            perror("ping: sendto");
            return 1;
        }
        int ttl = await_reply(fd, raw, seq, wait_s * 1000);
        if (ttl >= 0) {
            double ms = now_ms() - sent;
            min = received == 0 || ms < min ? ms : min;
            max = ms > max ? ms : max;
            sum += ms;
            received++;
            if (!quiet)
                printf("64 bytes from %s: seq=%d ttl=%d time=%.3f ms\n",
                       inet_ntoa(to.sin_addr), seq, ttl, ms);
        }
        if (count < 0 || seq + 1 < count)
            sleep(1);
    }
    printf("\n--- %s ping statistics ---\n", host);
    printf("%d packets transmitted, %d packets received, %d%% packet loss\n",
           count, received, count > 0 ? (count - received) * 100 / count : 0);
    if (received > 0)
        printf("round-trip min/avg/max = %.3f/%.3f/%.3f ms\n", min, sum / received, max);
    return received > 0 ? 0 : 1;
}
