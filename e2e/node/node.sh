#!/usr/bin/env bash
# A real single-node Kubernetes on this machine, for the end-to-end tests (and for trying the chart by
# hand): etcd, kube-apiserver, kube-controller-manager and kube-scheduler, a kubelet with containerd and
# runc running real pods, kube-proxy. Everything lives in namespaces this script makes and removes:
#
#   * a network namespace ($NS): the node's own interfaces, the pods' bridge (cni0, 10.244.0.0/24), the
#     Services (10.0.0.0/24, kube-proxy's iptables), routes and iptables rules. It reaches this machine
#     only through one veth pair (10.77.0.1 here, 10.77.0.2 the node); it has no default route, so no
#     packet leaves the machine, and a rule drops pod traffic towards this machine;
#   * a mount namespace: the kubelet's volumes, containerd's snapshots and the pods' network namespaces
#     are mounted there and vanish with it;
#   * a cgroup (rose-ash-e2e) holding every process it starts, the kubelet's pods included.
#
#   node.sh up      start it; prints the kubeconfig to use
#   node.sh load    import OCI image archives into its containerd, naming each by tag and digest
#   node.sh down    stop every process, remove namespaces, cgroups, interfaces and files
#   node.sh check   exit non-zero naming anything `down` should have removed
#
# Needs root, Debian's containerd, runc, containernetworking-plugins, iptables and conntrack (bin/test
# installs them), and the binaries of operator/control-plane/build.sh and e2e/node/build.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
NS=${ROSE_ASH_NODE_NS:-rose-ash-e2e}
W=${ROSE_ASH_NODE_WORK:-/tmp/rose-ash-node}
RUN=/run/$NS
HOST_IF=rae2e0
HOST_IP=10.77.0.1
NODE_IP=10.77.0.2
GATEWAY=10.244.0.1
POD_CIDR=10.244.0.0/24
SERVICE_CIDR=10.0.0.0/24
API_SERVICE_IP=10.0.0.1
DNS_IP=10.0.0.10
NODE_NAME=rose-ash-node
PAUSE_IMAGE=registry.rose-ash.test/pause:1
COREDNS_IMAGE=registry.rose-ash.test/coredns:1.15.0
INGRESS_IMAGE=registry.rose-ash.test/haproxy-ingress:0.16.1
CGROUP=rose-ash-e2e

log() { echo "node: $*" >&2; }
fail() { echo "node: $*" >&2; exit 1; }
in_ns() { ip netns exec "$NS" "$@"; }

# Runs a component in the node's network and mount namespaces and cgroup, in the background, logging to
# $W/logs/NAME.log; its PID goes to $W/run/NAME.pid.
start() {
  local name=$1; shift
  nsenter --net="/run/netns/$NS" --mount="$RUN/mnt" -- setsid sh -c \
    'echo $$ > /sys/fs/cgroup/pids/'"$CGROUP"'/system/cgroup.procs && exec "$@"' sh "$@" \
    > "$W/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$W/run/$name.pid"
}

# Waits up to $1 seconds for command $2... to succeed, naming $name in the failure.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what did not come up in ${seconds}s"
    sleep 0.5
  done
}

kubectl() { "$K/kubectl" --kubeconfig "$W/admin.kubeconfig" "$@"; }

binaries() {
  K=$("$repo/operator/control-plane/build.sh" | tail -n 1)
  T=$("$here/build.sh" | tail -n 1)
}

pki() {
  local p=$W/pki
  mkdir -p "$p"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=rose-ash-e2e-ca" \
    -keyout "$p/ca.key" -out "$p/ca.crt" 2>/dev/null
  issue() { # name subject extensions
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "$2" \
      -keyout "$p/$1.key" -out "$p/$1.csr" 2>/dev/null
    printf '%s\n' "$3" > "$p/$1.ext"
    openssl x509 -req -in "$p/$1.csr" -CA "$p/ca.crt" -CAkey "$p/ca.key" -CAcreateserial -days 2 \
      -extfile "$p/$1.ext" -out "$p/$1.crt" 2>/dev/null
  }
  local client="extendedKeyUsage=clientAuth"
  issue apiserver "/CN=kube-apiserver" "subjectAltName=IP:$API_SERVICE_IP,IP:$GATEWAY,IP:$NODE_IP,IP:127.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
extendedKeyUsage=serverAuth"
  issue kubelet-serving "/CN=$NODE_NAME" "subjectAltName=IP:$GATEWAY,DNS:$NODE_NAME
extendedKeyUsage=serverAuth"
  issue admin "/O=system:masters/CN=rose-ash-e2e-admin" "$client"
  issue apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" "$client"
  issue controller-manager "/CN=system:kube-controller-manager" "$client"
  issue scheduler "/CN=system:kube-scheduler" "$client"
  issue kubelet "/O=system:nodes/CN=system:node:$NODE_NAME" "$client"
  issue kube-proxy "/CN=system:kube-proxy" "$client"
  openssl genrsa -out "$p/sa.key" 2048 2>/dev/null
  openssl rsa -in "$p/sa.key" -pubout -out "$p/sa.pub" 2>/dev/null
  for user in admin controller-manager scheduler kubelet kube-proxy; do
    "$K/kubectl" config set-cluster node --server="https://$NODE_IP:6443" --certificate-authority="$p/ca.crt" \
      --embed-certs --kubeconfig="$W/$user.kubeconfig" >/dev/null
    "$K/kubectl" config set-credentials "$user" --client-certificate="$p/$user.crt" --client-key="$p/$user.key" \
      --embed-certs --kubeconfig="$W/$user.kubeconfig" >/dev/null
    "$K/kubectl" config set-context node --cluster=node --user="$user" --kubeconfig="$W/$user.kubeconfig" >/dev/null
    "$K/kubectl" config use-context node --kubeconfig="$W/$user.kubeconfig" >/dev/null
  done
}

network() {
  # ip netns makes /run/netns a mount point the first time; down removes it again if this made it.
  mkdir -p "$RUN"
  if ! grep -q " /run/netns " /proc/self/mountinfo; then
    touch "$RUN/made-run-netns-mount"
  fi
  ip netns add "$NS"
  ip link add "$HOST_IF" type veth peer name eth0 netns "$NS"
  sysctl -qw "net.ipv6.conf.$HOST_IF.disable_ipv6=1" || true
  ip addr add "$HOST_IP/30" dev "$HOST_IF"
  ip link set "$HOST_IF" up
  in_ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 || true
  in_ns ip link set lo up
  in_ns ip addr add "$NODE_IP/30" dev eth0
  in_ns ip link set eth0 up
  # The pods' bridge exists before anything starts, with the gateway the API server advertises.
  in_ns ip link add cni0 type bridge
  in_ns ip addr add "$GATEWAY/24" dev cni0
  in_ns ip link set cni0 up
  # Service addresses route onto the bridge, so that the node's own processes (host-network pods such
  # as the ingress controller) reach Services: kube-proxy's OUTPUT rules rewrite them to a pod; an
  # address without a Service finds nobody there.
  in_ns ip route add "$SERVICE_CIDR" dev cni0
  in_ns sysctl -qw net.ipv4.ip_forward=1
  in_ns sysctl -qw net.bridge.bridge-nf-call-iptables=1
  # Pods talk to each other, to Services and to the node, never to this machine beyond it.
  in_ns iptables -I FORWARD -i cni0 -o eth0 -j DROP
}

# Paths the kubelet and the CNI library write whatever their root directory: in the node's mount
# namespace each gets a tmpfs of its own, so nothing lands on this machine. A path made for that is
# removed again by down.
HOST_PATHS=(/var/lib/kubelet /var/lib/cni /var/log/pods /var/log/containers)

mounts() {
  mount --bind "$RUN" "$RUN"
  mount --make-private "$RUN"
  touch "$RUN/mnt"
  unshare --mount="$RUN/mnt" --propagation private true
  local path
  for path in "${HOST_PATHS[@]}"; do
    if [ ! -d "$path" ]; then
      mkdir -p "$path"
      echo "$path" >> "$RUN/made-paths"
    fi
    nsenter --mount="$RUN/mnt" -- mount -t tmpfs -o mode=0755 tmpfs "$path"
  done
}

cgroups() {
  for hierarchy in /sys/fs/cgroup/*/; do
    [ -f "$hierarchy/cgroup.procs" ] || continue
    case "$hierarchy" in */unified/) continue ;; esac
    mkdir -p "$hierarchy$CGROUP/system"
    if [ -f "$hierarchy/cpuset.cpus" ]; then
      for level in "$hierarchy$CGROUP" "$hierarchy$CGROUP/system"; do
        cat "$hierarchy/cpuset.cpus" > "$level/cpuset.cpus"
        cat "$hierarchy/cpuset.mems" > "$level/cpuset.mems"
      done
    fi
  done
}

configs() {
  mkdir -p "$W/cni/net.d" "$W/containerd" "$W/kubelet" "$W/etcd" "$W/pv"
  cat > "$W/cni/net.d/10-rose-ash.conflist" <<JSON
{"cniVersion": "1.0.0", "name": "rose-ash", "plugins": [
  {"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": false, "hairpinMode": true,
   "ipam": {"type": "host-local", "ranges": [[{"subnet": "$POD_CIDR", "gateway": "$GATEWAY"}]],
            "routes": [{"dst": "0.0.0.0/0"}], "dataDir": "$W/cni/ipam"}},
  {"type": "portmap", "capabilities": {"portMappings": true}}]}
JSON
  cat > "$W/containerd/config.toml" <<TOML
version = 2
root = "$W/containerd/root"
state = "$W/containerd/state"
[grpc]
  address = "$W/containerd/containerd.sock"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  # Pods' network namespaces under the state directory, not in this machine's /run/netns.
  netns_mounts_under_state_dir = true
  # The VM lacks CAP_SYS_RESOURCE: runc must not set a negative oom_score_adj.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$W/cni/net.d"
TOML
  # Pods resolve through cluster DNS only; this file is the (empty) upstream the kubelet hands on.
  printf 'options ndots:1\n' > "$W/resolv.conf"
  cat > "$W/kubelet/config.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $GATEWAY
healthzBindAddress: 127.0.0.1
readOnlyPort: 0
tlsCertFile: $W/pki/kubelet-serving.crt
tlsPrivateKeyFile: $W/pki/kubelet-serving.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $W/pki/ca.crt}
authorization: {mode: Webhook}
cgroupDriver: cgroupfs
cgroupRoot: /$CGROUP
failCgroupV1: false
failSwapOn: false
containerRuntimeEndpoint: unix://$W/containerd/containerd.sock
resolvConf: $W/resolv.conf
clusterDNS: [$DNS_IP]
clusterDomain: cluster.local
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "100Mi", nodefs.available: "1%", imagefs.available: "1%"}
serializeImagePulls: false
maxPods: 60
YAML
}

up() {
  [ "$(id -u)" -eq 0 ] || fail "needs root (network and mount namespaces, cgroups)"
  for tool in containerd runc ip iptables nsenter unshare openssl conntrack; do
    command -v "$tool" >/dev/null || fail "$tool is missing (bin/test installs containerd runc containernetworking-plugins iptables conntrack)"
  done
  [ -x /usr/lib/cni/bridge ] || fail "/usr/lib/cni/bridge is missing (apt-get install containernetworking-plugins)"
  [ -f /sys/fs/cgroup/pids/cgroup.procs ] || fail "needs cgroup v1 (the pids hierarchy at /sys/fs/cgroup/pids)"
  [ -d /proc/sys/net/bridge ] || fail "needs bridge netfilter (br_netfilter): Services answering pods on the same bridge depend on it"
  [ ! -e "/run/netns/$NS" ] || fail "a node is up already ($NS): $0 down first"
  started=$(date +%s)
  # A start that fails half-way takes down what it made, keeping the components' logs to read.
  trap 'rm -rf "$W-logs" && cp -r "$W/logs" "$W-logs" 2>/dev/null; log "up failed; logs in $W-logs; taking down what it started"; down >&2 || true' EXIT
  binaries
  rm -rf "$W"
  mkdir -p "$W/logs" "$W/run"
  log "certificates and configuration in $W"
  pki
  configs
  log "namespaces, bridge and cgroup"
  network
  mounts
  cgroups

  start containerd containerd --config "$W/containerd/config.toml"
  start etcd "$K/etcd" --data-dir "$W/etcd" --listen-client-urls http://127.0.0.1:2379 \
    --advertise-client-urls http://127.0.0.1:2379 --listen-peer-urls http://127.0.0.1:2380 \
    --initial-advertise-peer-urls http://127.0.0.1:2380 --initial-cluster default=http://127.0.0.1:2380 \
    --unsafe-no-fsync --log-level warn
  start kube-apiserver "$K/kube-apiserver" --etcd-servers=http://127.0.0.1:2379 \
    --bind-address=0.0.0.0 --secure-port=6443 --advertise-address="$GATEWAY" \
    --service-cluster-ip-range="$SERVICE_CIDR" --allow-privileged=true \
    --tls-cert-file="$W/pki/apiserver.crt" --tls-private-key-file="$W/pki/apiserver.key" \
    --client-ca-file="$W/pki/ca.crt" --authorization-mode=Node,RBAC \
    --service-account-key-file="$W/pki/sa.pub" --service-account-signing-key-file="$W/pki/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --kubelet-client-certificate="$W/pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key="$W/pki/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority="$W/pki/ca.crt" --kubelet-preferred-address-types=InternalIP
  wait_for 60 kube-apiserver "$K/kubectl" --kubeconfig "$W/admin.kubeconfig" get --raw /readyz
  start kube-controller-manager "$K/kube-controller-manager" --kubeconfig="$W/controller-manager.kubeconfig" \
    --authentication-kubeconfig="$W/controller-manager.kubeconfig" --authorization-kubeconfig="$W/controller-manager.kubeconfig" \
    --root-ca-file="$W/pki/ca.crt" --service-account-private-key-file="$W/pki/sa.key" \
    --cluster-signing-cert-file="$W/pki/ca.crt" --cluster-signing-key-file="$W/pki/ca.key" \
    --use-service-account-credentials=true --bind-address=127.0.0.1 --leader-elect=false
  start kube-scheduler "$K/kube-scheduler" --kubeconfig="$W/scheduler.kubeconfig" \
    --authentication-kubeconfig="$W/scheduler.kubeconfig" --authorization-kubeconfig="$W/scheduler.kubeconfig" \
    --bind-address=127.0.0.1 --leader-elect=false
  wait_for 30 containerd ctr --address "$W/containerd/containerd.sock" version
  log "images: pause, CoreDNS, HAProxy Ingress"
  infrastructure_images
  load "$W/images/pause.tar" "$W/images/coredns.tar" "$W/images/haproxy-ingress.tar"
  start kubelet "$K/kubelet" --config="$W/kubelet/config.yaml" --kubeconfig="$W/kubelet.kubeconfig" \
    --hostname-override="$NODE_NAME" --node-ip="$GATEWAY" --root-dir="$W/kubelet"
  start kube-proxy "$K/kube-proxy" --kubeconfig="$W/kube-proxy.kubeconfig" --hostname-override="$NODE_NAME" \
    --proxy-mode=iptables --cluster-cidr="$POD_CIDR" --bind-address=127.0.0.1 \
    --healthz-bind-address=127.0.0.1:10256 --metrics-bind-address=127.0.0.1:10249 --conntrack-max-per-core=0
  wait_for 90 "node $NODE_NAME Ready" "$K/kubectl" --kubeconfig "$W/admin.kubeconfig" wait --for=condition=Ready \
    "node/$NODE_NAME" --timeout=2s
  log "add-ons: CoreDNS at $DNS_IP, HAProxy Ingress on $NODE_IP:80 and :443 (IngressClass haproxy)"
  sed -e "s|@COREDNS_IMAGE@|$COREDNS_IMAGE|; s|@DNS_IP@|$DNS_IP|" "$here/addons/coredns.yaml" | kubectl apply -f - >/dev/null
  sed -e "s|@INGRESS_IMAGE@|$INGRESS_IMAGE|; s|@NODE_IP@|$NODE_IP|" "$here/addons/haproxy-ingress.yaml" | kubectl apply -f - >/dev/null
  kubectl -n kube-system rollout status deployment/coredns --timeout=120s >/dev/null \
    || fail "CoreDNS did not become ready; kubectl -n kube-system describe pods"
  kubectl -n ingress rollout status deployment/haproxy-ingress --timeout=120s >/dev/null \
    || fail "HAProxy Ingress did not become ready; kubectl -n ingress describe pods"
  log "up in $(( $(date +%s) - started ))s: KUBECONFIG=$W/admin.kubeconfig, node $NODE_IP"
  trap - EXIT
  echo "$W/admin.kubeconfig"
}

# An OCI archive of one layer, the directory $3, named $2, run as user $4 with entrypoint $5...; written
# to $W/images/$1.tar (entries in name order, one time stamp, owner root, so the same files give the same
# digest).
image() {
  local name=$1 reference=$2 root=$3 user=$4; shift 4
  local dir=$W/images/$name
  rm -rf "$dir" && mkdir -p "$dir/oci/blobs/sha256"
  tar --sort=name --mtime=@1 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$dir/layer.tar" .
  gzip -n -c "$dir/layer.tar" > "$dir/layer.tar.gz"
  local diff layer config manifest entrypoint
  diff=$(sha256sum < "$dir/layer.tar" | cut -d' ' -f1)
  layer=$(sha256sum < "$dir/layer.tar.gz" | cut -d' ' -f1)
  mv "$dir/layer.tar.gz" "$dir/oci/blobs/sha256/$layer"
  entrypoint=$(printf '"%s",' "$@")
  printf '{"architecture":"amd64","os":"linux","config":{"User":"%s","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Entrypoint":[%s]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$user" "${entrypoint%,}" "$diff" > "$dir/config.json"
  config=$(sha256sum < "$dir/config.json" | cut -d' ' -f1)
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%d}]}' \
    "$config" "$(stat -c %s "$dir/config.json")" "$layer" "$(stat -c %s "$dir/oci/blobs/sha256/$layer")" > "$dir/manifest.json"
  manifest=$(sha256sum < "$dir/manifest.json" | cut -d' ' -f1)
  mv "$dir/config.json" "$dir/oci/blobs/sha256/$config"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"io.containerd.image.name":"%s"}}]}' \
    "$manifest" "$(stat -c %s "$dir/manifest.json")" "$reference" > "$dir/oci/index.json"
  mv "$dir/manifest.json" "$dir/oci/blobs/sha256/$manifest"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci/oci-layout"
  tar --sort=name --mtime=@1 --owner=0 --group=0 --numeric-owner -C "$dir/oci" -cf "$W/images/$name.tar" oci-layout index.json blobs
  rm -rf "$dir"
  echo "$W/images/$name.tar"
}

# Debian packages unpacked (never installed) into $1, downloaded once into the tools' cache.
debian() {
  local root=$1; shift
  mkdir -p "$T/debs" "$root"
  local pkg
  for pkg in "$@"; do
    if ! ls "$T/debs/${pkg}_"*.deb >/dev/null 2>&1; then
      (cd "$T/debs" && apt-get download -q "$pkg" >/dev/null 2>&1) \
        || { apt-get update -q >/dev/null && (cd "$T/debs" && apt-get download -q "$pkg" >/dev/null); }
    fi
    dpkg-deb -x "$(ls "$T/debs/${pkg}_"*.deb | head -n 1)" "$root"
  done
}

# The node's own images: the pod sandbox, CoreDNS, and HAProxy Ingress with Debian's HAProxy.
infrastructure_images() {
  mkdir -p "$W/images"
  local root=$W/images/roots
  rm -rf "$root" && mkdir -p "$root/pause" "$root/coredns/etc/coredns" "$root/ingress"
  cp "$T/pause" "$root/pause/pause"
  image pause "$PAUSE_IMAGE" "$root/pause" 65535:65535 /pause >/dev/null
  cp "$T/coredns" "$root/coredns/coredns"
  image coredns "$COREDNS_IMAGE" "$root/coredns" 0:0 /coredns -conf /etc/coredns/Corefile >/dev/null
  debian "$root/ingress" libc6 libgcc-s1 libstdc++6 libcrypt1 libssl3 liblua5.3-0 libsystemd0 libpcre2-8-0 \
    libopentracing-c-wrapper0 libopentracing1 libcap2 libgcrypt20 liblzma5 libzstd1 liblz4-1 libgpg-error0 \
    zlib1g haproxy lua-dkjson
  cp "$T/haproxy-ingress" "$root/ingress/haproxy-ingress-controller"
  cp -r "$T/haproxy-ingress-rootfs/etc/templates" "$root/ingress/etc/"
  mkdir -p "$root/ingress/etc/haproxy/lua" "$root/ingress/var/run/haproxy" "$root/ingress/var/lib/haproxy" "$root/ingress/tmp"
  cp "$T/haproxy-ingress-rootfs/etc/lua/"*.lua "$root/ingress/etc/haproxy/lua/"
  # Its Lua helper requires a "json" module, which its own image gets from Alpine's lua-json4.
  cp "$root/ingress/usr/share/lua/5.1/dkjson.lua" "$root/ingress/etc/haproxy/lua/json.lua"
  image haproxy-ingress "$INGRESS_IMAGE" "$root/ingress" 0:0 /haproxy-ingress-controller >/dev/null
  rm -rf "$root"
}

# Imports OCI archives; an image is then named by its tag and by repository@digest, as a pull by digest
# would have named it, so pods may name either.
load() {
  local socket=$W/containerd/containerd.sock
  for archive in "$@"; do
    local imported
    imported=$(ctr --address "$socket" -n k8s.io images import --all-platforms "$archive" 2>&1) \
      || fail "importing $archive: $imported"
  done
  # Every tagged image also answers to its digest.
  ctr --address "$socket" -n k8s.io images list | awk 'NR > 1 && $1 !~ /@sha256:/ && $1 !~ /^sha256:/ {print $1, $3}' |
    while read -r name digest; do
      local repository=${name%:*}
      ctr --address "$socket" -n k8s.io images tag --force "$name" "$repository@$digest" >/dev/null 2>&1 || true
    done
}

# Everything in the cgroup, then the cgroup, mounts, namespaces and files. Each step goes on whatever
# the one before did; check says what is left.
down() {
  local hierarchy
  if [ -d "/sys/fs/cgroup/pids/$CGROUP" ]; then
    for _ in $(seq 1 50); do
      local pids
      pids=$(find "/sys/fs/cgroup/pids/$CGROUP" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u)
      [ -n "$pids" ] || break
      kill -9 $pids 2>/dev/null || true
      sleep 0.2
    done
  fi
  for hierarchy in /sys/fs/cgroup/*/; do
    [ -d "$hierarchy$CGROUP" ] || continue
    find "$hierarchy$CGROUP" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  if [ -e "$RUN/mnt" ]; then
    umount "$RUN/mnt" 2>/dev/null || true
  fi
  if grep -q " $RUN " /proc/self/mountinfo; then
    umount "$RUN" 2>/dev/null || true
  fi
  if [ -e "/run/netns/$NS" ]; then
    ip netns del "$NS" || true
  fi
  if [ -e "$RUN/made-run-netns-mount" ] && [ -z "$(ls -A /run/netns 2>/dev/null)" ]; then
    umount /run/netns 2>/dev/null || true
  fi
  if [ -f "$RUN/made-paths" ]; then
    while read -r path; do rmdir "$path" 2>/dev/null || true; done < "$RUN/made-paths"
  fi
  rm -rf "$RUN" || true
  ip link del "$HOST_IF" 2>/dev/null || true
  rm -rf "$W" || true
  check
}

check() {
  local left=()
  for hierarchy in /sys/fs/cgroup/*/; do [ -d "$hierarchy$CGROUP" ] && left+=("cgroup $hierarchy$CGROUP"); done
  [ -e "/run/netns/$NS" ] && left+=("network namespace $NS")
  ip link show "$HOST_IF" >/dev/null 2>&1 && left+=("interface $HOST_IF")
  grep -q "$RUN\|$W" /proc/self/mountinfo && left+=("mounts under $RUN or $W")
  ls /run/netns/cni-* >/dev/null 2>&1 && left+=("pod network namespaces in /run/netns")
  # Every rule kube-proxy and the guard make lives in the node's network namespace, never here.
  iptables-save 2>/dev/null | grep -q "KUBE-\|cni0" && left+=("iptables rules of the node on this machine")
  local path
  for path in "${HOST_PATHS[@]}"; do
    [ -n "$(ls -A "$path" 2>/dev/null)" ] && left+=("files in $path")
  done
  pgrep -f "$W/" >/dev/null && left+=("processes: $(pgrep -f "$W/" | tr '\n' ' ')")
  [ -e "$W" ] && left+=("directory $W")
  if [ ${#left[@]} -gt 0 ]; then
    printf 'node: left behind: %s\n' "${left[@]}" >&2
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  load) shift; binaries; load "$@" ;;
  down) down ;;
  check) check ;;
  *) echo "usage: $0 up|load ARCHIVE...|down|check" >&2; exit 2 ;;
esac
