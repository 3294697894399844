/*
 * A second process that reads a jkcov area the way a KCOV user reads the kernel's: mmap the
 * file, load area[0] with acquire semantics, then read the entries it counts. Driven by
 * ExternalReaderTest over stdin/stdout, one command per line:
 *
 *   pc N BASE    wait (polling) until count == N; while it grows, every counted entry i
 *                must already be BASE + i (the writer's release store makes it so)
 *   cmp N        count == N and record i is {type 5, arg1 i, arg2 ~i & 0xffffffff, ip 0x100 + i}
 *   cmplive N    as pc, for those records: each must be whole as soon as the count covers it
 *   reset        store 0 into area[0] with release semantics, as syzkaller does
 *   stat         print the permission bits of the file and of its directory
 *
 * Each command answers one line starting with "ok" or "fail".
 */
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static uint64_t *area;
static uint64_t words;

static uint64_t load_count(void) { return __atomic_load_n(&area[0], __ATOMIC_ACQUIRE); }

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Whether record i (from 0) holds what the test's comparisons wrote; prints why not. */
static int cmp_record_ok(uint64_t i, uint64_t count) {
	uint64_t *r = &area[1 + 4 * i];
	uint64_t want[4] = {5, i, ~i & 0xffffffffull, 0x100 + i};
	if (memcmp(r, want, sizeof want) == 0) return 1;
	printf("fail record %llu is %llx %llx %llx %llx (count %llu)\n", (unsigned long long)i, (unsigned long long)r[0],
	       (unsigned long long)r[1], (unsigned long long)r[2], (unsigned long long)r[3], (unsigned long long)count);
	return 0;
}

/* Whether PC entry i (from 0) is base + i + 1; prints why not. */
static int pc_entry_ok(uint64_t i, uint64_t base, uint64_t count) {
	uint64_t want = base + i + 1, got = area[i + 1];
	if (got == want) return 1;
	printf("fail entry %llu is %llx, want %llx (count %llu)\n", (unsigned long long)(i + 1), (unsigned long long)got,
	       (unsigned long long)want, (unsigned long long)count);
	return 0;
}

/* Polls until count == n, checking every entry as soon as the count covers it. */
static void cmd_live(uint64_t n, int cmp, uint64_t base) {
	uint64_t checked = 0, polls = 0, growths = 0;
	uint64_t capacity = cmp ? (words - 1) / 4 : words - 1;
	double deadline = now() + 30;
	while (checked < n) {
		uint64_t count = load_count();
		polls++;
		if (count > n || count > capacity) {
			printf("fail count %llu beyond %llu\n", (unsigned long long)count, (unsigned long long)n);
			return;
		}
		if (count > checked) growths++;
		for (; checked < count; checked++) {
			if (!(cmp ? cmp_record_ok(checked, count) : pc_entry_ok(checked, base, count))) return;
		}
		if (now() > deadline) {
			printf("fail timeout at count %llu\n", (unsigned long long)count);
			return;
		}
	}
	printf("ok count %llu polls %llu growths %llu\n", (unsigned long long)n, (unsigned long long)polls,
	       (unsigned long long)growths);
}

static void cmd_cmp(uint64_t n) {
	uint64_t count = load_count();
	if (count != n) {
		printf("fail count %llu want %llu\n", (unsigned long long)count, (unsigned long long)n);
		return;
	}
	for (uint64_t i = 0; i < n; i++) {
		if (!cmp_record_ok(i, count)) return;
	}
	printf("ok cmp %llu\n", (unsigned long long)n);
}

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: %s AREA_FILE WORDS\n", argv[0]);
		return 2;
	}
	char *path = argv[1];
	words = strtoull(argv[2], NULL, 0);
	int fd = open(path, O_RDWR);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	area = mmap(NULL, words * 8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (area == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("ok mapped\n");
	char line[256];
	while (fgets(line, sizeof line, stdin)) {
		unsigned long long a = 0, b = 0;
		if (sscanf(line, "pc %llu %llu", &a, &b) == 2) {
			cmd_live(a, 0, b);
		} else if (sscanf(line, "cmplive %llu", &a) == 1) {
			cmd_live(a, 1, 0);
		} else if (sscanf(line, "cmp %llu", &a) == 1) {
			cmd_cmp(a);
		} else if (strncmp(line, "reset", 5) == 0) {
			__atomic_store_n(&area[0], 0, __ATOMIC_RELEASE);
			printf("ok reset\n");
		} else if (strncmp(line, "stat", 4) == 0) {
			struct stat f, d;
			char dir[4096];
			snprintf(dir, sizeof dir, "%s", path);
			if (stat(path, &f) || stat(dirname(dir), &d)) {
				printf("fail stat\n");
				continue;
			}
			printf("ok file %o dir %o size %lld\n", f.st_mode & 07777, d.st_mode & 07777, (long long)f.st_size);
		} else {
			printf("fail unknown command %s", line);
		}
	}
	return 0;
}
