#!/usr/bin/env bash
# Builds a real Kubernetes control plane for the tests from source, through the Go module proxy (no
# prebuilt binary can be downloaded here): kube-apiserver, kube-controller-manager, kube-scheduler,
# kubectl, and for a real node kubelet and kube-proxy, from k8s.io/kubernetes; etcd; kwok (simulated
# nodes and pods); and the Helm CLI the chart's tests install with.
#
# Binaries land in ${ROSE_ASH_CACHE:-~/.cache/rose-ash}/control-plane/<versions>/, outside the work
# tree, so a warm machine skips the build; each group is built only when one of its binaries is
# missing. The last line printed is that directory.
set -euo pipefail

K8S_VERSION=v1.34.4
ETCD_VERSION=v3.6.16
KWOK_VERSION=v0.7.0
HELM_VERSION=v3.22.0

cache=${ROSE_ASH_CACHE:-$HOME/.cache/rose-ash}
out="$cache/control-plane/k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
kubernetes=(kube-apiserver kube-controller-manager kube-scheduler kubectl kubelet kube-proxy)
# Helm's default capabilities (what `helm template` and `helm lint` assume without a cluster) are stamped in
# at build time; they name the Kubernetes built here, and so does the binary.
k8s_minor=${K8S_VERSION#v1.}
k8s_minor=${k8s_minor%%.*}
helm_binary="helm-${HELM_VERSION}-k8s1.${k8s_minor}"
binaries=("${kubernetes[@]}" etcd kwok kwokctl "$helm_binary")
# kwok's default node and pod stages. kwokctl drops its defaults as soon as one custom Stage is
# configured (the tests add one that fails chosen Job pods), so the defaults are taken from the same
# kwok release, like the binaries.
stages=(node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml
        pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml)

present() {
  for binary in "$@"; do [ -x "$out/$binary" ] || return 1; done
}
all_there() {
  # helm: the link to the binary in use, which the tests call.
  present "${binaries[@]}" helm || return 1
  [ "$(readlink "$out/helm")" = "$helm_binary" ] || return 1
  for stage in "${stages[@]}"; do [ -f "$out/stages/$(basename "$stage")" ] || return 1; done
}
if all_there; then
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "build.sh needs Go (https://go.dev)" >&2; exit 1; }
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOFLAGS=-mod=mod
export CGO_ENABLED=0
started=$(date +%s)

# k8s.io/kubernetes requires its ~30 staging modules at v0.0.0 and points them at ./staging with
# `replace`; a wrapper module replaces each with its published v0.Y.Z instead.
if ! present "${kubernetes[@]}"; then
echo "Building Kubernetes ${K8S_VERSION} (${kubernetes[*]}) from the Go module proxy ..." >&2
minor=${K8S_VERSION#v1.}
staging_version="v0.$minor"
mkdir -p "$work/k8s"
# Through Go itself (no curl on a bare machine): the go.mod of that Kubernetes release.
gomod=$(cd "$work" && go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
cp "$gomod" "$work/k8s/kubernetes.mod"
{
  echo "module rose-ash.local/control-plane/k8s"
  echo
  echo "go $(awk '/^go /{print $2; exit}' "$work/k8s/kubernetes.mod")"
  echo
  echo "require k8s.io/kubernetes ${K8S_VERSION}"
  echo
  echo "replace ("
  awk '/=> \.\/staging\// {print "\t" $1 " => " $1 " '"$staging_version"'"}' "$work/k8s/kubernetes.mod"
  echo ")"
} > "$work/k8s/go.mod"
cat > "$work/k8s/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "k8s.io/kubernetes/cmd/kubelet"
	_ "k8s.io/kubernetes/cmd/kube-proxy"
)
GO
version_flags="-X k8s.io/component-base/version.gitVersion=${K8S_VERSION} -X k8s.io/component-base/version.gitMajor=1"
version_flags+=" -X k8s.io/component-base/version.gitMinor=${minor%%.*} -X k8s.io/client-go/pkg/version.gitVersion=${K8S_VERSION}"
(cd "$work/k8s" && go mod tidy >/dev/null 2>&1 && \
  go build -trimpath -ldflags="-s -w $version_flags" -o "$out/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl \
    k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-proxy)
echo "kubernetes ${K8S_VERSION} built in $(( $(date +%s) - started ))s" >&2
fi

# etcd's release modules carry `replace` directives too; as a dependency they are ignored.
if ! present etcd; then
echo "Building etcd ${ETCD_VERSION} ..." >&2
mkdir -p "$work/etcd"
cat > "$work/etcd/go.mod" <<MOD
module rose-ash.local/control-plane/etcd

go 1.24

require go.etcd.io/etcd/server/v3 ${ETCD_VERSION}
MOD
cat > "$work/etcd/tools.go" <<'GO'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
GO
(cd "$work/etcd" && go mod tidy >/dev/null 2>&1 && go build -trimpath -ldflags="-s -w" -o "$out/etcd" go.etcd.io/etcd/server/v3)
echo "etcd ${ETCD_VERSION} built in $(( $(date +%s) - started ))s" >&2
fi

if ! present kwok kwokctl || ! [ -f "$out/stages/$(basename "${stages[0]}")" ]; then
echo "Building kwok ${KWOK_VERSION} ..." >&2
mkdir -p "$work/kwok"
cat > "$work/kwok/go.mod" <<MOD
module rose-ash.local/control-plane/kwok

go 1.24

require sigs.k8s.io/kwok ${KWOK_VERSION}
MOD
cat > "$work/kwok/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "sigs.k8s.io/kwok/cmd/kwok"
	_ "sigs.k8s.io/kwok/cmd/kwokctl"
)
GO
(cd "$work/kwok" && go mod tidy >/dev/null 2>&1 && \
  go build -trimpath -ldflags="-s -w" -o "$out/" sigs.k8s.io/kwok/cmd/kwok sigs.k8s.io/kwok/cmd/kwokctl)
echo "kwok ${KWOK_VERSION} built in $(( $(date +%s) - started ))s" >&2

kwok_source=$(cd "$work/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
mkdir -p "$out/stages"
for stage in "${stages[@]}"; do cp "$kwok_source/kustomize/stage/$stage" "$out/stages/"; done
fi

# Helm v3's module has no replace directives that matter to a build as a dependency. The binary is named
# with its version so a new version is built beside the old; `helm` links to the one in use.
if ! present "$helm_binary"; then
echo "Building Helm ${HELM_VERSION} ..." >&2
mkdir -p "$work/helm"
cat > "$work/helm/go.mod" <<MOD
module rose-ash.local/control-plane/helm

go 1.24

require helm.sh/helm/v3 ${HELM_VERSION}
MOD
cat > "$work/helm/tools.go" <<'GO'
//go:build tools

package tools

import _ "helm.sh/helm/v3/cmd/helm"
GO
(cd "$work/helm" && go mod tidy >/dev/null 2>&1 && \
  go build -trimpath -ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION} \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=${k8s_minor} \
    -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=${k8s_minor}" \
    -o "$out/$helm_binary" helm.sh/helm/v3/cmd/helm)
echo "helm ${HELM_VERSION} built in $(( $(date +%s) - started ))s" >&2
fi
ln -sfn "$helm_binary" "$out/helm"

all_there || { echo "build.sh: some binaries are missing in $out" >&2; exit 1; }
echo "$out"
