// The managed PostgreSQL image's entry point (the image has no shell to run a script).
//
// It reads the same variables as the Docker Library image (POSTGRES_USER, POSTGRES_PASSWORD,
// POSTGRES_DB, PGDATA), so the operator's StatefulSet runs either image. On the first start it creates
// the cluster with initdb, opens password (SCRAM) authentication to the network and creates the
// database; on every start it then runs postgres as its child, turning Kubernetes' SIGTERM into a fast
// shutdown (SIGINT): the default "smart" shutdown would wait for the services' pooled connections to
// close, until the kubelet kills the server and the next start needs crash recovery.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
)

const binaries = "/usr/lib/postgresql/bin"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "rose-ash-postgres:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	data := env("PGDATA", "/var/lib/postgresql/data/pgdata")
	user := env("POSTGRES_USER", "postgres")
	database := env("POSTGRES_DB", user)

	if _, err := os.Stat(filepath.Join(data, "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		if err := initialise(data, user, database, os.Getenv("POSTGRES_PASSWORD")); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	// A volume's fsGroup handling can widen the directory's mode, which postgres refuses to start with.
	if err := os.Chmod(data, 0o700); err != nil {
		return err
	}
	return serve(append([]string{"-D", data, "-c", "listen_addresses=*"}, args...))
}

func initialise(data, user, database, password string) error {
	if password == "" {
		return errors.New("POSTGRES_PASSWORD is empty and " + data + " holds no database yet")
	}
	fmt.Println("rose-ash-postgres: creating a new cluster in", data)
	if err := os.MkdirAll(data, 0o700); err != nil {
		return err
	}
	passwordFile, err := os.CreateTemp("", "pwfile")
	if err != nil {
		return err
	}
	defer os.Remove(passwordFile.Name())
	if _, err := passwordFile.WriteString(password + "\n"); err != nil {
		return err
	}
	if err := passwordFile.Close(); err != nil {
		return err
	}
	initdb := exec.Command(filepath.Join(binaries, "initdb"), "-D", data, "-U", user, "--pwfile="+passwordFile.Name(),
		"-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256")
	initdb.Stdout, initdb.Stderr = os.Stdout, os.Stderr
	if err := initdb.Run(); err != nil {
		return fmt.Errorf("initdb: %w", err)
	}
	// initdb opens host connections from loopback only; the platform's pods connect over the network.
	hba, err := os.OpenFile(filepath.Join(data, "pg_hba.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := hba.WriteString("host all all all scram-sha-256\n"); err != nil {
		hba.Close()
		return err
	}
	if err := hba.Close(); err != nil {
		return err
	}
	if database == "postgres" {
		return nil
	}
	// Single-user mode needs no server, socket or client to create the database.
	single := exec.Command(filepath.Join(binaries, "postgres"), "--single", "-D", data, "-j", "postgres")
	single.Stdin = strings.NewReader(`CREATE DATABASE "` + strings.ReplaceAll(database, `"`, `""`) + `";` + "\n")
	single.Stdout, single.Stderr = os.Stdout, os.Stderr
	if err := single.Run(); err != nil {
		return fmt.Errorf("creating database %s: %w", database, err)
	}
	return nil
}

func serve(args []string) error {
	server := exec.Command(filepath.Join(binaries, "postgres"), args...)
	server.Stdout, server.Stderr = os.Stdout, os.Stderr
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP)
	if err := server.Start(); err != nil {
		return err
	}
	go func() {
		for received := range signals {
			switch received {
			case syscall.SIGTERM, syscall.SIGINT:
				server.Process.Signal(syscall.SIGINT) // fast shutdown: roll back and disconnect clients
			default:
				server.Process.Signal(received)
			}
		}
	}()
	err := server.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		os.Exit(exit.ExitCode())
	}
	return err
}

func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
