# 见习通 (Jianxi) — build, run and test. See README.md.
SHELL := /bin/bash
MVN ?= mvn -B -q
JAR := backend/target/quarkus-app/quarkus-run.jar
E2E_PORT ?= 18080

.PHONY: bench run test build frontend-build backend-test backend-package frontend-test e2e openapi otp clean audit-verify

## make run: build the SPA and the backend, seed demo data and serve UI + API on :8080. The demo profile says
## so: the packaged jar's default prod profile refuses demo accounts and self-generated keys.
run: build
	java -Dquarkus.profile=demo -jar $(JAR)

build: frontend-build
	$(MVN) -f backend/pom.xml package -DskipTests

## make test: backend tests (incl. contract check), frontend unit tests, browser journeys.
test: frontend-build backend-package frontend-test e2e
	@echo "All test suites passed."

frontend-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend-build: frontend-deps
	cd frontend && npm run build

# Runs every backend test and packages the jar with the freshly built SPA inside. Not quiet, so the
# Surefire summary ("Tests run: …") is in the log; -ntp keeps dependency downloads out of it.
backend-package:
	mvn -B -ntp -f backend/pom.xml package

backend-test:
	$(MVN) -f backend/pom.xml test

frontend-test: frontend-deps
	cd frontend && npm test

## Browser journeys against the packaged app on its own port, embedded database and data directory.
e2e: frontend-deps
	bash frontend/e2e/serve-and-run.sh $(JAR) $(E2E_PORT)

## make audit-verify: check the audit log's hash chain in the database make run uses (./data, or JIANXI_DB_*);
## works while the app runs or not; exit status 1 names the first broken row.
audit-verify:
	@test -f $(JAR) || $(MAKE) build
	java -jar $(JAR) audit-verify

## make openapi: regenerate openapi/openapi.yaml from what the backend publishes (commit the result).
openapi:
	$(MVN) -f backend/pom.xml test -Dtest=OpenApiContractTest -Djianxi.openapi.write=true -Dsurefire.failIfNoSpecifiedTests=false

## make otp: the demo staff's (admin, wanzhou, jiaowei) current authenticator code; SECRET=… for another account.
otp:
	@node frontend/scripts/totp.mjs $(SECRET)

clean:
	rm -rf backend/target frontend/dist frontend/node_modules

## make bench: latency of the hot read paths on the demo population (see bench/README.md).
bench: build
	bash bench/run.sh
