#!/usr/bin/env bash
# Builds what a real single-node Kubernetes needs beyond the control plane (operator/control-plane/build.sh
# builds that, kubelet and kube-proxy included): CoreDNS, the HAProxy Ingress controller (with the
# templates and Lua scripts it reads at run time), the pod sandbox ("pause") program, and the CNCF
# Distribution registry (images/'s PushIT pushes the images to it), all from the Go module proxy or this
# repository. The Debian packages the node runs (containerd, runc, CNI plugins,
# iptables) are installed by bin/test.
#
# Output lands in ${ROSE_ASH_CACHE:-~/.cache/rose-ash}/node/<versions>/, each part built only when
# missing. The last line printed is that directory.
set -euo pipefail

COREDNS_VERSION=v1.15.0
HAPROXY_INGRESS_VERSION=v0.16.1
REGISTRY_VERSION=v3.1.2

here=$(cd "$(dirname "$0")" && pwd)
cache=${ROSE_ASH_CACHE:-$HOME/.cache/rose-ash}
out="$cache/node/coredns-${COREDNS_VERSION}_haproxy-ingress-${HAPROXY_INGRESS_VERSION}"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOFLAGS=-mod=mod CGO_ENABLED=0 GOTOOLCHAIN=local
started=$(date +%s)

# Builds package $3 of module $1 at version $2 into $out/$4, as a dependency of a wrapper module (whose
# go.mod ignores the dependency's own replace directives).
wrapped_build() {
  local module=$1 version=$2 package=$3 binary=$4 dir="$work/$4"
  command -v go >/dev/null || { echo "e2e/node/build.sh needs Go (https://go.dev) to build $binary" >&2; exit 1; }
  mkdir -p "$dir"
  printf 'module rose-ash.local/node/%s\n\ngo 1.24\n\nrequire %s %s\n' "$binary" "$module" "$version" > "$dir/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$package" > "$dir/tools.go"
  (cd "$dir" && go mod tidy >/dev/null 2>&1 && go build -trimpath -ldflags="-s -w" -o "$out/$binary" "$package")
}

if [ ! -x "$out/coredns" ]; then
  echo "Building CoreDNS ${COREDNS_VERSION} from the Go module proxy ..." >&2
  wrapped_build github.com/coredns/coredns "$COREDNS_VERSION" github.com/coredns/coredns coredns
  echo "coredns built in $(( $(date +%s) - started ))s" >&2
fi

if [ ! -x "$out/haproxy-ingress" ] || [ ! -d "$out/haproxy-ingress-rootfs/etc/templates" ]; then
  echo "Building HAProxy Ingress ${HAPROXY_INGRESS_VERSION} from the Go module proxy ..." >&2
  wrapped_build github.com/jcmoraisjr/haproxy-ingress "$HAPROXY_INGRESS_VERSION" \
    github.com/jcmoraisjr/haproxy-ingress/pkg haproxy-ingress
  # Its templates and Lua scripts ship in the module beside the code, as its own image has them.
  source_dir=$(cd "$work/haproxy-ingress" && go list -m -f '{{.Dir}}' github.com/jcmoraisjr/haproxy-ingress)
  rm -rf "$out/haproxy-ingress-rootfs"
  mkdir -p "$out/haproxy-ingress-rootfs"
  cp -r "$source_dir/rootfs/etc" "$out/haproxy-ingress-rootfs/"
  chmod -R u+w "$out/haproxy-ingress-rootfs"
  echo "haproxy-ingress built in $(( $(date +%s) - started ))s" >&2
fi

if [ ! -x "$out/registry-${REGISTRY_VERSION}" ]; then
  echo "Building the Distribution registry ${REGISTRY_VERSION} from the Go module proxy ..." >&2
  wrapped_build github.com/distribution/distribution/v3 "$REGISTRY_VERSION" \
    github.com/distribution/distribution/v3/cmd/registry "registry-${REGISTRY_VERSION}"
  echo "registry built in $(( $(date +%s) - started ))s" >&2
fi
ln -sfn "registry-${REGISTRY_VERSION}" "$out/registry"

if [ ! -x "$out/pause" ] || [ "$here/pause/main.go" -nt "$out/pause" ]; then
  command -v go >/dev/null || { echo "e2e/node/build.sh needs Go (https://go.dev) to build pause" >&2; exit 1; }
  (cd "$here/pause" && go build -trimpath -buildvcs=false -ldflags="-s -w" -o "$out/pause" .)
fi

echo "$out"
